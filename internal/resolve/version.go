package resolve

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"strings"
	"sync"
)

// The package's own code and word lists: a change to the rules changes
// Version, so that staging computes the resolution again.
//
//go:embed *.go names.txt
var sources embed.FS

// Version is a short fingerprint of the resolution rules (this package's Go
// code and names.txt, test files left out). The resolution also depends on
// the extraction packages it calls (MatchForm, KeyFor), on the gazetteer
// (the titled aliases of a person) and on the word statistics (the glued
// words of rule 0), which the extractor version covers.
var Version = sync.OnceValue(func() string {
	h := sha256.New()
	err := fs.WalkDir(sources, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") {
			return err
		}
		b, err := fs.ReadFile(sources, p)
		if err != nil {
			return err
		}
		h.Write([]byte(p + "\x00"))
		h.Write(b)
		h.Write([]byte{0})
		return nil
	})
	if err != nil {
		panic("resolve: reading the embedded sources: " + err.Error()) // cannot happen with embed.FS
	}
	return hex.EncodeToString(h.Sum(nil))[:8]
})
