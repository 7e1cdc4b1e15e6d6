package extract

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"go/scanner"
	"go/token"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	kg "github.com/kg-project/kg"
	nermodel "github.com/kg-project/kg/internal/extract/ner/model"
	"github.com/kg-project/kg/internal/extract/rel/relmodel"
	gazdata "github.com/kg-project/kg/internal/gazetteer/data"
	wsdata "github.com/kg-project/kg/internal/wordstats/data"
)

var fingerprint = sync.OnceValue(func() string {
	h := sha256.New()
	section := func(name string, data []byte) {
		// length-prefixed, so that no two different inputs hash alike
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write(binary.BigEndian.AppendUint64(nil, uint64(len(data))))
		h.Write(data)
	}
	section("ner.model", nermodel.Data)
	section("rel.model", relmodel.Model)
	section("gazetteer", gazdata.Gazetteer)
	section("wordstats.words", wsdata.Words)
	section("wordstats.names", wsdata.Names)
	section("wordstats.written", wsdata.Written)
	err := fs.WalkDir(kg.ExtractorSources, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := fs.ReadFile(kg.ExtractorSources, p)
		if err != nil {
			return err
		}
		switch {
		case path.Ext(p) == ".go":
			data = goTokens(data)
		case p == "go.mod":
			data = goModLines(data)
		}
		section(p, data)
		return nil
	})
	if err != nil {
		panic("extract: reading the embedded sources: " + err.Error()) // cannot happen with embed.FS
	}
	return hex.EncodeToString(h.Sum(nil))
})

// Fingerprint is a hex SHA-256 over everything that shapes the pipeline's
// output: the embedded NER model, gazetteer and word statistics, and the Go code of the
// extraction packages, the relation vocabulary and go.mod
// (kg.ExtractorSources; of go.mod, the versions of the modules the
// extractor imports). Go code is hashed as its token stream, so
// comments and formatting do not change it; any other change does, even a
// refactoring that keeps the output (staging then re-extracts once, which
// costs time but never serves a stale extraction).
func Fingerprint() string { return fingerprint() }

// extractorModules are the modules, other than kg, whose packages the
// extractor imports (TestSourcesCoverExtractor keeps the list true): only
// their versions in go.mod, and the go directive, count towards the
// fingerprint, so that a dependency of the CLI or the Neo4j writer does
// not make staging re-extract everything.
var extractorModules = []string{"github.com/klauspost/compress", "go.yaml.in/yaml/v3", "golang.org/x/text"}

// goModLines returns the go directive and the requirement lines of
// extractorModules from a go.mod file, in a fixed form.
func goModLines(mod []byte) []byte {
	var out []byte
	for _, line := range strings.Split(string(mod), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "require" {
			f = f[1:] // a one-line require
		}
		if len(f) < 2 {
			continue
		}
		if f[0] == "go" || slices.Contains(extractorModules, f[0]) {
			out = append(out, f[0]+" "+f[1]+"\n"...)
		}
	}
	return out
}

// goTokens returns the Go tokens of src without comments or layout.
func goTokens(src []byte) []byte {
	var s scanner.Scanner
	fset := token.NewFileSet()
	f := fset.AddFile("", fset.Base(), len(src))
	s.Init(f, src, nil, 0) // mode 0: comments are skipped
	var out []byte
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		if tok == token.SEMICOLON {
			lit = ";" // an inserted semicolon has lit "\n"
		}
		out = append(out, tok.String()...)
		out = append(out, ' ')
		out = append(out, lit...)
		out = append(out, '\n')
	}
}
