// libzip, as Debian's libzip-dev (1.7.3) installs it. Imported by CermatReader only.
#include <zip.h>
