// Package hugepage asks the kernel to back kg's Go heap with huge pages.
//
// kg's models are large tables read at random: the NER feature table, the
// relation model's weight index, the gazetteer's and the memo tables' maps
// (about 200 MB live). With the kernel's 4 KB pages most of those reads
// miss the processor's TLB and pay for a page-table walk; with 2 MB pages
// far fewer do. On the 2-core machine of the bench, Arabic extraction
// takes about 6% less CPU (paired runs, 5,000 SaudiNewsNet articles), about
// what the system-wide setting "always" gives.
//
// Most Linux systems set transparent huge pages to "madvise": only memory a
// process marks (madvise MADV_HUGEPAGE) gets them, and Go's runtime no
// longer marks its heap (since Go 1.21.4). kg does, for the commands that
// extract (kg extract, load, eval), once their configuration is read and
// before the models load: Reserve reserves heap address space with one
// large allocation it drops at once (the runtime maps arenas for it and
// keeps them; the pages are not touched), and Heap marks the Go heap's
// mappings. Pages the heap touches later in them come as huge pages.
//
// The reservation is made only when it cannot fail: the mode is
// "madvise", the address space is not limited (ulimit -v) and the kernel
// does not refuse to overcommit; it is at most 512 MiB. Should the runtime
// place it over pages it had used and freed, it clears them, which makes
// them resident: Reserve sees the resident set grow and gives them back at
// once (debug.FreeOSMemory; the arenas stay mapped and are marked all the
// same). That happened in about one start of kg extract in four: a
// moment's peak of about 430 MB before the models load. Otherwise Heap
// marks what is mapped, or nothing.
//
// The risk, and why Go's runtime stopped doing this (golang/go#61718,
// #64332): a marked region can take a huge page for a fault (with defrag
// "madvise", after direct compaction), and the kernel's khugepaged may
// fill a 2 MB region of which few pages were in use, so the resident set
// can exceed what the runtime thinks it holds. kg's bench saw no growth of
// peak memory (kg load of the whole corpus: 555 MB with it, 521–551 MB
// without); huge_pages: off (KG_HUGE_PAGES=off) turns it all off.
//
// It is an optimisation only: outside Linux on amd64 and arm64, where the
// kernel has no transparent huge pages, or with the setting "never" or
// "always", Heap does nothing and kg works the same.
package hugepage
