// ISA-L's igzip inflate, as Debian's libisal-dev (2.30) installs it. Imported by CermatReader only.
#include <isa-l/igzip_lib.h>
