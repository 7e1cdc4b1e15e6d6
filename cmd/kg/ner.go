package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/extract/ner"
	"github.com/kg-project/kg/internal/text/segment"
)

// nerOptions are the flags of kg ner.
type nerOptions struct {
	CoNLL string // file with one token per line ("-": stdin)
	Model string // model file to use instead of the embedded one
	Input string // plain text file ("-": stdin), when CoNLL is empty
}

func newNERCommand(_ *globalOptions) *cobra.Command {
	var o nerOptions
	cmd := &cobra.Command{
		Use:   "ner [TEXT-FILE]",
		Short: "Tag Arabic named entities (persons, places, organisations, misc)",
		Long: `ner tags named entities with the embedded Arabic NER model.

  kg ner --conll FILE   reads one token per line (first column; further columns
                        are ignored; blank lines separate sentences) and writes
                        token<TAB>TAG lines (IOB2) in the same order, blank lines
                        kept. FILE "-" reads stdin.
  kg ner TEXT-FILE      tokenises the text and prints one entity per line:
                        TYPE<TAB>text<TAB>start-end (code-point offsets).`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.Input = args[0]
			}
			if o.CoNLL == "" && o.Input == "" {
				return errors.New("ner: give --conll FILE or a TEXT-FILE (\"-\" for stdin)")
			}
			return runNER(cmd.Context(), o, cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&o.CoNLL, "conll", "", "tag a one-token-per-line file (\"-\": stdin)")
	cmd.Flags().StringVar(&o.Model, "model", "", "model file (default: the embedded model)")
	return cmd
}

func loadTagger(path string) (*ner.Tagger, error) {
	if path == "" {
		return ner.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.Load(f)
}

func openInput(name string, stdin io.Reader) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(stdin), nil
	}
	return os.Open(name)
}

// runNER runs kg ner.
func runNER(ctx context.Context, o nerOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	tg, err := loadTagger(o.Model)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	if o.CoNLL != "" {
		in, err := openInput(o.CoNLL, stdin)
		if err != nil {
			return err
		}
		defer in.Close()
		return tagCoNLL(ctx, tg, in, w)
	}
	in, err := openInput(o.Input, stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	b, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	for _, e := range findEntities(tg, string(b)) {
		fmt.Fprintf(w, "%s\t%s\t%d-%d\n", e.Type, e.Text, e.Start, e.End)
	}
	return w.Flush()
}

// tagCoNLL tags a one-token-per-line stream sentence by sentence, each with
// its neighbouring sentences as document context (ner.Stream), and writes
// `token<TAB>TAG` lines with the input's blank lines kept in place.
func tagCoNLL(ctx context.Context, tg *ner.Tagger, in io.Reader, w *bufio.Writer) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	type held struct {
		toks   []string
		blanks int // blank lines after the sentence
	}
	var queue []*held // sentences added to the stream, not yet written
	st := tg.NewStream(func(tags []string) {
		h := queue[0]
		queue = queue[1:]
		for i, tag := range tags {
			w.WriteString(h.toks[i])
			w.WriteByte('\t')
			w.WriteString(tag)
			w.WriteByte('\n')
		}
		for range h.blanks {
			w.WriteByte('\n')
		}
	})
	var cur *held
	end := func() {
		if cur != nil {
			queue = append(queue, cur)
			st.Add(cur.toks)
			cur = nil
		}
	}
	n := 0
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			end()
			if len(queue) == 0 {
				w.WriteByte('\n') // blank lines before any sentence
			} else {
				queue[len(queue)-1].blanks++
			}
			continue
		}
		if cur == nil {
			cur = &held{}
		}
		cur.toks = append(cur.toks, fs[0])
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	end()
	st.Close()
	if err := sc.Err(); err != nil {
		return err
	}
	return w.Flush()
}

// textEntity is an entity found in plain text.
type textEntity struct {
	Type       string
	Text       string
	Start, End int // code points
}

// findEntities tokenises text, tags it sentence by sentence and returns the
// entities with their offsets.
func findEntities(tg *ner.Tagger, text string) []textEntity {
	rs := []rune(text)
	toks := segment.Tokenize(text)
	starts, sents := segment.SentenceWords(toks)
	var out []textEntity
	for si, tags := range tg.TagDocument(sents) {
		i := starts[si]
		for _, sp := range ner.Spans(tags) {
			a, b := toks[i+sp.Start].Start, toks[i+sp.End-1].End
			out = append(out, textEntity{Type: sp.Type, Text: string(rs[a:b]), Start: a, End: b})
		}
	}
	return out
}
