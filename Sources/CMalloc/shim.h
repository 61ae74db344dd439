// glibc's malloc tuning (mallopt), which the Swift Glibc module leaves out. Imported by the executable only.
#include <malloc.h>
