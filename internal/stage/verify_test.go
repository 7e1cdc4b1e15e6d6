package stage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/internal/model"
)

const target = "db"

// fill stages n articles with extractions, all loaded into target.
func fill(t *testing.T, dir string, n int, textSize int) {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.AddTarget(target, "v"); err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("The minister said talks were useful. ", textSize/37+1)[:textSize]
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("gen-%04d", i)
		x := &model.Extraction{Doc: model.DocInfo{ID: id}, Entities: []model.Entity{{ID: "e:" + id, Name: "Name " + id, Type: model.Person}}}
		if _, err := s.Stage(art(id, text+id), Ref{"h" + id, "v"}, x); err != nil {
			t.Fatal(err)
		}
	}
	for {
		p, err := s.PendingBatch(target, 500)
		if err != nil {
			t.Fatal(err)
		}
		if len(p) == 0 {
			break
		}
		if err := s.MarkDone(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

// corrupt flips n bytes at the given fraction of the largest file with
// the extension, and returns its name.
func corrupt(t *testing.T, dir, ext string, at float64, n int) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var name string
	var size int64
	for _, e := range ents {
		fi, _ := e.Info()
		if strings.HasSuffix(e.Name(), ext) && fi.Size() > size {
			name, size = e.Name(), fi.Size()
		}
	}
	if name == "" {
		t.Fatalf("no %s file in %s", ext, dir)
	}
	p := filepath.Join(dir, name)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	off := int(float64(len(b)) * at)
	for i := 0; i < n; i++ {
		b[off+i] ^= 0x5a
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// TestDamagedTable corrupts bytes in the middle of a table file. Before,
// Open succeeded and a scan of the articles (kg push --all) stopped at the
// damaged block without an error (750 of 2,000 requeued). Now Open refuses
// the folder and names the articles; Verify reports the same; Verify with
// Repair drops exactly what is unreadable, and re-staging restores it.
func TestDamagedTable(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "stage")
	const n = 2000
	fill(t, dir, n, 600)
	// 30% into the table falls in the article records (the entity
	// summaries, n/, and the extractions come after them)
	file := corrupt(t, dir, ".sst", 0.3, 16)

	_, err := Open(dir)
	var de *DamagedError
	if !errors.Is(err, ErrDamaged) || !errors.As(err, &de) {
		t.Fatalf("open of a damaged folder: %v", err)
	}
	affected := de.Report.Articles
	if len(affected) == 0 || len(affected) > 50 {
		t.Fatalf("affected articles: %v", affected)
	}
	msg := err.Error()
	for _, want := range []string{file, affected[0], "kg stage verify --repair", "kg load"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error does not name %q: %s", want, msg)
		}
	}
	t.Logf("%s", msg)

	r, err := Verify(dir, VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.OK() || len(r.BadBlocks) == 0 || r.Bad+r.Lost == 0 || strings.Join(r.Articles, ",") != strings.Join(affected, ",") {
		t.Fatalf("verify: %+v", r)
	}
	if r.Good+r.Bad != r.Records || r.Records+r.Lost < 3*n {
		t.Errorf("records %d good %d bad %d", r.Records, r.Good, r.Bad)
	}

	r, err = Verify(dir, VerifyOptions{Repair: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Repair == nil || r.Repair.Dropped == 0 {
		t.Fatalf("repair: %+v", r.Repair)
	}
	if _, err := os.Stat(filepath.Join(r.Repair.DamagedCopy, file)); err != nil {
		t.Errorf("damaged copy: %v", err)
	}
	if r2, err := Verify(dir, VerifyOptions{}); err != nil || !r2.OK() {
		t.Fatalf("verify after repair: %+v %v", r2, err)
	}

	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	isAffected := map[string]bool{}
	for _, id := range affected {
		isAffected[id] = true
	}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("gen-%04d", i)
		if _, err := s.Article(id); err != nil && !(isAffected[id] && errors.Is(err, ErrNotFound)) {
			t.Fatalf("article %s (affected %v) after repair: %v", id, isAffected[id], err)
		}
	}
	st, err := s.Status()
	if err != nil {
		t.Fatal(err)
	}
	if st.Targets[0].Loaded < n-len(affected) || st.Targets[0].Pending != 0 {
		t.Errorf("status after repair: %+v", st)
	}
	// kg load stages every article again: exactly the dropped ones are
	// journalled (extracted again where their extraction was dropped).
	text := strings.Repeat("The minister said talks were useful. ", 600/37+1)[:600]
	journalled := 0
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("gen-%04d", i)
		ref := Ref{"h" + id, "v"}
		var x *model.Extraction
		if ok, _ := s.HasExtraction(ref); !ok {
			x = &model.Extraction{Doc: model.DocInfo{ID: id}}
		}
		j, err := s.Stage(art(id, text+id), ref, x)
		if err != nil {
			t.Fatal(err)
		}
		if j {
			journalled++
			if !isAffected[id] {
				t.Errorf("%s journalled again but was not affected", id)
			}
		}
	}
	st, _ = s.Status()
	if st.Articles != n || st.Targets[0].Loaded+st.Targets[0].Pending < n || journalled != st.Targets[0].Pending {
		t.Errorf("after re-staging: %+v, journalled %d", st, journalled)
	}
}

// TestDamagedValueLog corrupts a value kept in the value log (an article
// over 1 MB): reading it is an error naming the article, never garbage,
// and Verify finds it.
func TestDamagedValueLog(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "stage")
	fill(t, dir, 3, 1500<<10)
	// The value log is sparse beyond what was written: corrupt the middle
	// of the written part.
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".vlog") {
			p := filepath.Join(dir, e.Name())
			b, _ := os.ReadFile(p)
			off := 2 << 20
			if len(b) < off+16 || b[off] == 0 {
				continue
			}
			for i := 0; i < 16; i++ {
				b[off+i] ^= 0x5a
			}
			os.WriteFile(p, b, 0o644)
		}
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	for i := 0; i < 3; i++ {
		id := fmt.Sprintf("gen-%04d", i)
		if _, err := s.Article(id); err != nil {
			if !strings.Contains(err.Error(), id) {
				t.Errorf("error does not name the article: %v", err)
			}
			bad = append(bad, id)
		}
	}
	// Badger truncates its active value log at the first entry whose CRC
	// fails when it opens the folder, so the articles after it are lost
	// too: reading each is an error that names it.
	if len(bad) == 0 || bad[0] != "gen-0001" {
		t.Fatalf("unreadable articles %v, want gen-0001 and maybe later ones", bad)
	}
	if _, _, err := s.Requeue("other", "v"); err == nil || !strings.Contains(err.Error(), bad[0]) {
		t.Errorf("requeue over a damaged value: %v", err)
	}
	s.Close()
	r, err := Verify(dir, VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.OK() || r.Bad != len(bad) || strings.Join(r.Articles, ",") != strings.Join(bad, ",") {
		t.Fatalf("verify: %+v", r)
	}
}
