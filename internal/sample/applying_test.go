package sample_test

import (
	"testing"

	"github.com/kutsekit/kutse/application"
	"github.com/kutsekit/kutse/internal/sample"
)

// TestApplyingData proves that the sample register data for applying pass their own checks: the
// standards, the awarding bodies (classifier/register) and the bodies' settings (APP-03).
func TestApplyingData(t *testing.T) {
	c := sample.Register()
	for _, s := range c.Standards {
		if err := s.Validate(); err != nil {
			t.Errorf("standard %s: %v", s.ID, err)
		}
	}
	for _, b := range c.Bodies {
		if err := b.Validate(); err != nil {
			t.Errorf("body %s: %v", b.Code, err)
		}
	}
	ms, as := sample.MachineIndustrySettings(), sample.AutonomousSettings()
	for _, s := range []*application.Settings{&ms, &as} {
		if err := s.Validate(); err != nil {
			t.Errorf("settings of %s: %v", s.Body, err)
		}
	}
}
