package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-project/kg/deploy/neo4j/browser"
	"github.com/kg-project/kg/internal/config"
	"github.com/kg-project/kg/queries"
)

type browserOptions struct {
	cfg        *config.Config
	httpPort   int
	printStyle bool
	query      string
	params     []string
}

func newBrowserCommand(g *globalOptions) *cobra.Command {
	var o browserOptions
	cmd := &cobra.Command{
		Use:   "browser",
		Short: "Show how to explore the graph in Neo4j Browser: its URL, kg's style, saved queries ready to paste",
		Long: `Print the Neo4j Browser URL (derived from the Neo4j URI), how to apply kg's
style sheet (deploy/neo4j/browser/kg.grass: colours per entity type, entities
captioned by name, relations by type and count) and how to run the saved
queries there.

--print-style prints the style sheet itself. --query NAME [--param k=v ...]
prints a saved query ready to paste into Browser: a :params line with the
typed parameters, then the Cypher.`,
		Example: `  kg browser
  kg browser --print-style > kg.grass
  kg browser --query ego_network --param name=Putin`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadConfig(cmd, neo4jFlags)
			if err != nil {
				return err
			}
			o.cfg = cfg
			return runBrowser(o, g.stdout)
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.httpPort, "http-port", 0, "Neo4j's HTTP port for the Browser URL (default 7474, 7473 for TLS URIs; $KG_NEO4J_HTTP_PORT)")
	f.BoolVar(&o.printStyle, "print-style", false, "print the Browser style sheet (GraSS) and nothing else")
	f.StringVar(&o.query, "query", "", "print this saved query ready to paste into Browser")
	f.StringArrayVarP(&o.params, "param", "p", nil, "a parameter of --query, key=value (repeatable)")
	addNeo4jFlags(cmd)
	return cmd
}

// browserURL derives the Browser's address from a Bolt/Neo4j URI: the same
// host on the HTTP port (https and 7473 for +s/+ssc schemes; Aura hosts get
// the hosted Browser).
func browserURL(uri string, httpPort int) (string, error) {
	u, err := url.Parse(uri)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("cannot derive the Browser URL from the Neo4j URI %q", config.RedactURI(uri))
	}
	host := u.Hostname()
	tls := strings.HasSuffix(u.Scheme, "+s") || strings.HasSuffix(u.Scheme, "+ssc")
	if strings.HasSuffix(host, ".databases.neo4j.io") {
		return "https://browser.neo4j.io/?connectURL=" + url.QueryEscape(u.Scheme+"://"+u.Host), nil
	}
	scheme, port := "http", 7474
	if tls {
		scheme, port = "https", 7473
	}
	if httpPort > 0 {
		port = httpPort
	} else if p := os.Getenv("KG_NEO4J_HTTP_PORT"); p != "" {
		fmt.Sscan(p, &port)
	}
	return fmt.Sprintf("%s://%s/browser/", scheme, net.JoinHostPort(host, fmt.Sprint(port))), nil
}

// stylePath finds kg.grass in the working tree (the repo or a parent of
// the working directory); "" when kg runs outside the repository.
func stylePath() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, filepath.FromSlash(browser.StylePath))
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// browserSnippet is a saved query as Browser runs it: a :params line,
// then the Cypher.
func browserSnippet(name string, params []string) (string, error) {
	_, bound, q, err := queryStatement(queryOptions{name: name, params: params})
	if err != nil {
		return "", err
	}
	return queries.BrowserParams(bound) + "\n\n" + q.Cypher + "\n", nil
}

func runBrowser(o browserOptions, stdout io.Writer) error {
	if o.printStyle {
		if o.query != "" {
			return errors.New("--print-style and --query exclude each other")
		}
		_, err := io.WriteString(stdout, browser.Style)
		return err
	}
	if o.query != "" {
		s, err := browserSnippet(o.query, o.params)
		if err != nil {
			return err
		}
		_, err = io.WriteString(stdout, s)
		return err
	}
	if len(o.params) > 0 {
		return errors.New("--param needs --query NAME")
	}
	bu, err := browserURL(o.cfg.Neo4j.URI, o.httpPort)
	if err != nil {
		return err
	}
	style := stylePath()
	if style == "" {
		style = "kg.grass (write it with: kg browser --print-style > kg.grass)"
	}
	w := func(format string, a ...any) { fmt.Fprintf(stdout, format, a...) }
	w("Neo4j Browser:  %s\n", bu)
	w("Connect URL:    %s   user %s (password: neo4j.password_file / neo4j.password)\n", config.RedactURI(o.cfg.Neo4j.URI), o.cfg.Neo4j.User)
	if o.cfg.Neo4j.Database != "" {
		w("Database:       %s   (in Browser: :use %s)\n", o.cfg.Neo4j.Database, o.cfg.Neo4j.Database)
	}
	w("\nStyle (colours per entity type, entities captioned by name, relations by type and count):\n")
	w("  1. In the Browser editor run   :style\n")
	w("  2. Drag this file onto the style panel that opens:\n       %s\n", style)
	w("     or paste its content after :style (print it with: kg browser --print-style)\n")
	w("  3. :style reset  goes back to Browser's default look\n")
	w("\nSaved queries: set the parameters with :params, then paste the query. For example\n")
	w("  kg browser --query ego_network --param name=Putin\n")
	w("prints what to paste. In the Browser, the Graph view draws nodes and relations;\n")
	w("Table and Text show every property (Arabic forms are in names_ar and aliases).\n\n")
	set, err := queries.Load(nil)
	if err != nil {
		return err
	}
	var rows [][]string
	for _, q := range set.All() {
		rows = append(rows, []string{"  " + q.Name, q.Description})
	}
	for _, l := range alignRows(rows, 0) {
		w("%s\n", l)
	}
	return nil
}
