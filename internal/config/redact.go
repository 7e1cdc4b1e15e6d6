package config

import (
	"net/url"
	"strings"
)

// RedactURI returns uri with the password of its user info replaced by
// "xxxxx" (bolt://neo4j:secret@host:7687 -> bolt://neo4j:xxxxx@host:7687).
// Every URI kg prints or puts in an error goes through it. Text that does
// not parse as a URI but has an "@" loses everything before it.
func RedactURI(uri string) string {
	u, err := url.Parse(uri)
	if err == nil && u.Opaque == "" {
		if _, has := u.User.Password(); has {
			return u.Redacted()
		}
		return uri
	}
	if !strings.Contains(uri, "@") {
		return uri
	}
	scheme, rest := "", uri
	if i := strings.Index(uri, "://"); i >= 0 {
		scheme, rest = uri[:i+3], uri[i+3:]
	}
	return scheme + "xxxxx@" + rest[strings.LastIndex(rest, "@")+1:]
}

// URIRedactor returns a replacer that hides uri's password in any text
// (an error from a driver that quotes the URI): the URI becomes
// RedactURI(uri), and its user info's password, as written and decoded,
// becomes "xxxxx".
func URIRedactor(uri string) *strings.Replacer {
	red := RedactURI(uri)
	if red == uri {
		return strings.NewReplacer()
	}
	pairs := []string{uri, red}
	rest := uri
	if i := strings.Index(uri, "://"); i >= 0 {
		rest = uri[i+3:]
	}
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		userinfo := rest[:at]
		if _, pw, ok := strings.Cut(userinfo, ":"); ok && pw != "" {
			pairs = append(pairs, pw, "xxxxx")
			if dec, err := url.PathUnescape(pw); err == nil && dec != pw && dec != "" {
				pairs = append(pairs, dec, "xxxxx")
			}
		} else if userinfo != "" && !strings.Contains(red, userinfo) {
			pairs = append(pairs, userinfo, "xxxxx")
		}
	}
	return strings.NewReplacer(pairs...)
}
