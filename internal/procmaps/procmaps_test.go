package procmaps

import "testing"

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		line string
		want Mapping
		ok   bool
	}{
		{"c000000000-c004000000 rw-p 00000000 00:00 0", Mapping{0xc000000000, 0xc004000000, "rw-p", "0", ""}, true},
		{"c000000000-c004000000 rw-p 00000000 00:00 0 [anon: Go: heap]", Mapping{0xc000000000, 0xc004000000, "rw-p", "0", "[anon: Go: heap]"}, true},
		{"7f0002000000-7f0004000000 rw-s 00000000 08:01 9      /tmp/my stage/000001.vlog (deleted)", Mapping{0x7f0002000000, 0x7f0004000000, "rw-s", "9", "/tmp/my stage/000001.vlog (deleted)"}, true},
		{"7ffd00000000-7ffd00800000 rw-p 00000000 00:00 0                          [stack]", Mapping{0x7ffd00000000, 0x7ffd00800000, "rw-p", "0", "[stack]"}, true},
		{"garbage", Mapping{}, false},
		{"", Mapping{}, false},
		{"zz-c004000000 rw-p 00000000 00:00 0", Mapping{}, false},
		{"c004000000-c000000000 rw-p 00000000 00:00 0", Mapping{}, false}, // empty range
		{"c000000000-c004000000 rw-p 00000000 00:00", Mapping{}, false},   // no inode
	} {
		got, ok := Parse(tc.line)
		if ok != tc.ok || got != tc.want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v, %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
}
