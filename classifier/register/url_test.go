package register_test

import (
	"testing"

	"github.com/kutsekit/kutse/classifier/register"
)

// TestValidURL proves the web addresses the register's records accept: http(s) with a host, no
// white space.
func TestValidURL(t *testing.T) {
	for v, want := range map[string]bool{
		"https://www.emtl.ee": true, "http://emtl.ee/keevitaja?x=1": true, "https://": false, "www.emtl.ee": false,
		"ftp://emtl.ee": false, "https://emtl.ee/a b": false, "": false, "https://ä.ee/õ": true, "https://x.ee/\xff": false,
	} {
		if got := register.ValidURL(v); got != want {
			t.Errorf("ValidURL(%q) = %v; want %v", v, got, want)
		}
	}
}
