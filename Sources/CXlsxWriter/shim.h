// libxlsxwriter, as Debian's libxlsxwriter-dev (1.1.4) installs it. Imported by CermatAnnotator only.
#include <xlsxwriter.h>
