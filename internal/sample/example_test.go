package sample_test

import (
	"fmt"

	"github.com/kutsekit/kutse/internal/sample"
)

func Example() {
	c := sample.Certificate204580()
	fmt.Println(c.Number, c.Holder.Name, c.Title)
	// Output: 204580 Ema-Kaks Piskel Sõiduautodiagnostik, tase 5
}
