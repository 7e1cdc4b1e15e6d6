// Package hugepage asks the kernel to back kg's heap with 2 MB pages.
//
// kg's models are large tables read at random: the NER feature table, the
// relation model's weight index, the gazetteer's and the memo tables' maps
// (about 200 MB live). With the kernel's 4 KB pages most of those reads
// miss the processor's TLB and pay for a page-table walk; with 2 MB pages
// the TLB covers the whole heap. On the 2-core machine of the bench, Arabic
// extraction takes about 6% less CPU (paired runs, 5,000 SaudiNewsNet
// articles), the same as with the system-wide setting "always".
//
// Most Linux systems set transparent huge pages to "madvise": only memory a
// process marks (madvise MADV_HUGEPAGE) gets them. Go's runtime does not
// mark its heap, so Heap does, once per process: it first reserves heap
// address space with one large allocation it drops at once (the runtime
// maps arenas for it and keeps them; the pages are never touched, so they
// cost no memory), then marks every large private anonymous mapping. Pages
// the heap touches later in those mappings come as huge pages.
//
// It is an optimisation only: where the kernel has no transparent huge
// pages, the setting is "never", or the system is not Linux, Heap does
// nothing and kg works the same.
package hugepage
