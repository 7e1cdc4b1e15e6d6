package stage

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// stageUntilError stages articles of about size bytes until Stage fails
// or n are staged; it returns how many were staged and the error.
// stageUntilError stages articles a<from>, a<from+1>, ... of about size
// bytes until Stage fails or n are staged; it returns how many were staged
// and the error.
func stageUntilError(s *Store, from, n, size int) (int, error) {
	rng := rand.New(rand.NewPCG(1, uint64(from)))
	b := make([]byte, size)
	for i := 0; i < n; i++ {
		for j := range b {
			b[j] = 'a' + byte(rng.IntN(26)) // does not compress much
		}
		id := fmt.Sprintf("a%06d", from+i)
		if _, err := s.Stage(art(id, string(b)), Ref{"h" + id, "v"}, ext(id)); err != nil {
			return i, err
		}
	}
	return n, nil
}

func checkStaged(t *testing.T, s *Store, n int) {
	t.Helper()
	st, err := s.Status()
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != n {
		t.Fatalf("%d articles staged, want %d", st.Articles, n)
	}
	for i := 0; i < n; i++ {
		if _, err := s.Article(fmt.Sprintf("a%06d", i)); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDiskFull drives the free-space guard with an injected free-space
// function: staging stops with ErrDiskFull once the disk is below the
// margin, everything staged before is kept, and Open refuses a full disk.
func TestDiskFull(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "stage")
	var free atomic.Uint64
	free.Store(1 << 40)
	o := Options{FreeSpace: func(string) (uint64, error) { return free.Load(), nil }}
	s, err := OpenWith(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := stageUntilError(s, 0, 50, 1000); err != nil || n != 50 {
		t.Fatalf("staged %d: %v", n, err)
	}
	free.Store(o.MinFree() - 1)
	// The guard checks at least every MB written.
	n, err := stageUntilError(s, 50, 5000, 1000)
	if !errors.Is(err, ErrDiskFull) || n > 1200 {
		t.Fatalf("after %d more articles: %v", n, err)
	}
	msg := err.Error()
	for _, want := range []string{"staging folder " + dir + ": disk full (", fmt.Sprint(o.MinFree()-1, " bytes"), "everything staged so far is kept"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenWith(dir, o); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("open on a full disk: %v", err)
	}
	free.Store(1 << 40)
	s, err = OpenWith(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkStaged(t, s, 50+n)
}

// TestDiskFullTmpfs fills a real 40 MB tmpfs. Before the guard, Badger
// died of SIGBUS writing its memory-mapped log. It needs root (mount), and
// runs the staging in a child process so that a crash fails the test
// instead of killing the test binary.
func TestDiskFullTmpfs(t *testing.T) {
	if dir := os.Getenv("KG_TEST_TMPFS_CHILD"); dir != "" {
		tmpfsChild(t, dir)
		return
	}
	if testing.Short() {
		t.Skip("mounts a tmpfs; skipped in -short mode")
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a tmpfs")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	defer exec.Command("umount", mnt).Run()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDiskFullTmpfs$", "-test.v")
	cmd.Env = append(os.Environ(), "KG_TEST_TMPFS_CHILD="+mnt)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "PASS") {
		t.Fatalf("child: %v\n%s", err, out)
	}
	t.Logf("child:\n%s", out)
}

func tmpfsChild(t *testing.T, mnt string) {
	// kg's default options need more free space than the whole disk has:
	// Open refuses at once.
	if _, err := Open(filepath.Join(mnt, "default")); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("open with default options on a 40 MB disk: %v", err)
	}
	// Small memtables: staging runs until the margin is reached, then stops
	// with an error.
	o := Options{MemTableSize: 1 << 20, BaseLevelSize: 1 << 20}
	dir := filepath.Join(mnt, "small")
	s, err := OpenWith(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	n, err := stageUntilError(s, 0, 100000, 4000)
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("staged %d, then: %v", n, err)
	}
	t.Logf("staged %d articles, then: %v", n, err)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Nothing staged is lost: with more space, all of it is there.
	if out, err := exec.Command("mount", "-o", "remount,size=200m", mnt).CombinedOutput(); err != nil {
		t.Fatalf("remount: %v %s", err, out)
	}
	s, err = OpenWith(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkStaged(t, s, n)
}
