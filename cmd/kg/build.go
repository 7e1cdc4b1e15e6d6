package main

import (
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/internal/gazetteer/gazbuild"
	"github.com/kg-project/kg/internal/translit"
	"github.com/kg-project/kg/internal/translit/learn"
	"github.com/kg-project/kg/internal/wordstats/wsbuild"
)

// newBuildCommand returns "kg build", which rebuilds the data files the
// project commits (today: the compiled gazetteer).
func newBuildCommand(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Rebuild the data files kg ships (translit, gazetteer, word statistics)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	cmd.AddCommand(newBuildTranslitCommand(g), newBuildGazetteerCommand(g), newBuildWordstatsCommand(g))
	return cmd
}

func newBuildGazetteerCommand(g *globalOptions) *cobra.Command {
	var dataDir, out string
	cmd := &cobra.Command{
		Use:   "gazetteer",
		Short: "Compile the gazetteer from the shared public data sets",
		Long: `Compile the gazetteer (countries, cities, regions, organisations, leaders,
persons) from the public data sets under --data (gazetteer/, names/,
lexicon/petrarch-ar/, ner/ and, for word counts, unlabelled/arwiki-comparable-2017/)
and the hand-curated tables of internal/gazetteer, and write it to --out as a
sorted, gzipped TSV file. It reports, per source, the entries it created, the
entries it completed, the aliases and the Wikidata QIDs it gave. The output is
deterministic: rebuilding from the same data gives the same bytes. Commit the
file; the binary embeds it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if st, err := os.Stat(dataDir); err != nil || !st.IsDir() {
				return fmt.Errorf("data folder %q not found (set --data)", dataDir)
			}
			start := time.Now()
			entries, stats, err := gazbuild.Build(dataDir)
			if err != nil {
				return err
			}
			if err := gazbuild.WriteFile(out, entries); err != nil {
				return err
			}
			size := int64(0)
			if st, err := os.Stat(out); err == nil {
				size = st.Size()
			}
			if g.JSON {
				b, _ := json.Marshal(map[string]any{"out": out, "entries": len(entries), "bytes": size, "stats": stats})
				fmt.Fprintln(g.stdout, string(b))
				return nil
			}
			if !g.Quiet {
				qids := 0
				for _, e := range entries {
					if e.QID != "" {
						qids++
					}
				}
				fmt.Fprintf(g.stderr, "gazetteer: %d entries, %d with a QID (%d countries, %d cities, %d places, %d organisations, %d persons of which %d from petrarch and %d name-only; %d ambiguous aliases, %d common words), %d bytes -> %s in %s\n",
					len(entries), qids, stats.Countries, stats.Cities, stats.Places, stats.Orgs, stats.Persons, stats.PetrarchPersons,
					stats.NameOnlyPersons, stats.AmbiguousAliases, stats.CommonWordAliases, size, out, time.Since(start).Round(time.Millisecond))
				tw := tabwriter.NewWriter(g.stderr, 0, 0, 2, ' ', tabwriter.AlignRight)
				fmt.Fprintln(tw, "source\tentries\tenriched\taliases\tQIDs\t")
				for _, s := range stats.Sources {
					fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t\n", s.Source, s.Entries, s.Enriched, s.Aliases, s.QIDs)
				}
				tw.Flush()
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dataDir, "data", "../shared/data", "folder of the shared public data sets")
	cmd.Flags().StringVar(&out, "out", "internal/gazetteer/data/gazetteer.tsv.gz", "compiled gazetteer to write")
	return cmd
}

func newBuildWordstatsCommand(g *globalOptions) *cobra.Command {
	var dataDir, out string
	var opts wsbuild.Options
	cmd := &cobra.Command{
		Use:   "wordstats",
		Short: "Count how often words are ordinary words, and collect name words",
		Long: `Build the three tables of package wordstats (see its doc.go):

  words.tsv.gz  for the most frequent base forms of the Arabic Wikipedia text
                under --data (unlabelled/arwiki-comparable-2017), how often they
                occur and how often kg's own NER (the embedded model) tags them
                inside a person, place or organisation name;
  names.tsv.gz  the one-word names of the name lists under --data/names
                (Wikidata person names and name tokens, Wikipedia
                transliteration pairs, GeoNames places), with counts by kind;
  written.tsv.gz the words of that text that begin with a letter that is
                also a clitic (و ب ل ك ف) and that it writes at least as often
                as their rest without it (وليام "William", not و + ليام).

Both go to the folder --out. The output is deterministic (whatever
--workers): rebuilding from the same data and model gives the same bytes.
Commit the files; the binary embeds them. Retraining the NER model changes the
word table: rebuild it after kg train ner. Takes about two minutes.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if st, err := os.Stat(dataDir); err != nil || !st.IsDir() {
				return fmt.Errorf("data folder %q not found (set --data)", dataDir)
			}
			start := time.Now()
			if !g.Quiet && !g.JSON {
				opts.Progress = func(n int) { fmt.Fprintf(g.stderr, "\rwordstats: %d articles tagged", n) }
			}
			r, err := wsbuild.Build(dataDir, opts)
			if opts.Progress != nil {
				fmt.Fprintln(g.stderr)
			}
			if err != nil {
				return err
			}
			if err := r.WriteFiles(out); err != nil {
				return err
			}
			if g.JSON {
				b, _ := json.Marshal(map[string]any{"out": out, "articles": r.Articles, "tokens": r.Tokens,
					"words": len(r.Bases), "names": len(r.NameWords)})
				fmt.Fprintln(g.stdout, string(b))
				return nil
			}
			if !g.Quiet {
				fmt.Fprintf(g.stderr, "wordstats: %d articles, %d words; %d base forms and %d name words -> %s in %s\n",
					r.Articles, r.Tokens, len(r.Bases), len(r.NameWords), out, time.Since(start).Round(time.Millisecond))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dataDir, "data", "../shared/data", "folder of the shared public data sets")
	cmd.Flags().StringVar(&out, "out", "internal/wordstats/data", "folder to write words.tsv.gz, names.tsv.gz and written.tsv.gz to")
	cmd.Flags().IntVar(&opts.Workers, "workers", 2, "tagging workers (the output does not depend on it)")
	return cmd
}

func newBuildTranslitCommand(g *globalOptions) *cobra.Command {
	var dataDir, out, latinOut string
	var report, dev bool
	var opt learn.Options
	cmd := &cobra.Command{
		Use:   "translit",
		Short: "Learn the romanisation of Arabic names from the shared name pairs",
		Long: `Learn how English-language news writes Arabic names from the name pairs
under --data (names/wikidata-person-names-ar, names/google-translit-ar2en,
names/netranslit-wikidata-ar): a table of the most frequent attested spelling
of each name word, and a graphone n-gram model for the words the table lacks.
Write them to --out as a sorted, gzipped TSV file; the output is deterministic.
Also gather the known Latin names that a foreign name written in Arabic
letters is matched against (English name tokens of Wikidata persons, GeoNames
places, ArWikiCats labels, the gazetteer's countries, cities and leaders;
names/ and gazetteer/ under --data) and write them to --latin-out.
Commit the files; the binary embeds them (package internal/translit/data).

The data kg ships is built from every pair. --report first builds without
the test splits of the data sets (and 10% of the Wikidata names, by a hash of
the Arabic) and scores the old letter-by-letter transliteration and the new
romanisation on them, pairs that build never saw; --dev holds out the dev
splits too and scores on them (to tune; nothing is written).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if st, err := os.Stat(dataDir); err != nil || !st.IsDir() {
				return fmt.Errorf("data folder %q not found (set --data)", dataDir)
			}
			start := time.Now()
			var rs []learn.SetResult
			var d *learn.Data
			var b *learn.Built
			if report || dev {
				// a build that never saw the pairs it is scored on
				held := []learn.Split{learn.Test}
				if dev {
					held = append(held, learn.Dev) // the dev pairs' names unknown too
				}
				hd, err := learn.ReadHeld(dataDir, held...)
				if err != nil {
					return err
				}
				hopt := opt
				hopt.HoldTest, hopt.HoldDev = true, dev
				split := learn.Test
				if dev {
					split = learn.Dev
				}
				d, b = hd, learn.Build(hd, hopt)
				rs = learn.Evaluate(b, d, split)
			}
			if !dev {
				// the shipped build: every pair
				var err error
				if d, err = learn.Read(dataDir, false); err != nil {
					return err
				}
				b = learn.Build(d, opt)
				if err := translit.WriteFile(out, b.Compiled); err != nil {
					return err
				}
				if err := translit.WriteLatinFile(latinOut, d.Latin); err != nil {
					return err
				}
			}
			if g.JSON {
				m := map[string]any{"stats": b.Stats}
				if !dev {
					m["out"] = out
				}
				if rs != nil {
					m["report"] = rs
				}
				j, _ := json.Marshal(m)
				fmt.Fprintln(g.stdout, string(j))
				return nil
			}
			if rs != nil {
				learn.WriteReport(g.stdout, rs)
			}
			if !g.Quiet {
				s := b.Stats
				dest := "-> " + out
				if dev {
					dest = "(dev: not written)"
				}
				if !dev {
					dest += ", " + latinOut
				}
				fmt.Fprintf(g.stderr, "translit: %d pairs (%d unit attestations of held-out full names left out), %d words of which %d in the table, %d compounds, %d graphones, %d n-grams, %d known Latin words %s in %s\n",
					s.Pairs, s.Subtracted, s.Words, s.TableWords, s.Compounds, s.Graphones, s.Ngrams, len(d.Latin), dest, time.Since(start).Round(time.Millisecond))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dataDir, "data", "../shared/data", "folder of the shared public data sets")
	cmd.Flags().StringVar(&out, "out", "internal/translit/data/names.tsv.gz", "compiled table and model to write")
	cmd.Flags().StringVar(&latinOut, "latin-out", "internal/translit/data/latin.tsv.gz", "known Latin names to write")
	cmd.Flags().BoolVar(&report, "report", false, "score old and new romanisation on the held-out test pairs")
	cmd.Flags().BoolVar(&dev, "dev", false, "hold out the dev pairs too and score on them; write nothing")
	cmd.Flags().IntVar(&opt.Order, "order", 0, "n-gram order of the graphone model (default 4)")
	cmd.Flags().IntVar(&opt.Iters, "iters", 0, "EM iterations of the alignment (default 5)")
	cmd.Flags().Float64Var(&opt.MinCount, "min-count", 0, "drop n-grams (n > 1) of less weight (default 1.5)")
	return cmd
}
