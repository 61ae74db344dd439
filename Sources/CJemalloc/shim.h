// jemalloc, as Debian's libjemalloc-dev (5.3) installs it. Imported by the executable only: linking it replaces glibc's
// malloc for the whole process, whose small allocations on several threads at once cost a lint about a tenth of its time.
#include <jemalloc/jemalloc.h>
