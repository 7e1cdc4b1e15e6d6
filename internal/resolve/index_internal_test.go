package resolve

import (
	"testing"

	"github.com/kg-project/kg/internal/model"
)

func TestNumTypes(t *testing.T) {
	if numTypes != len(model.EntityTypes) {
		t.Fatalf("numTypes = %d, model.EntityTypes has %d", numTypes, len(model.EntityTypes))
	}
}
