/* SPDX-License-Identifier: MIT
 * The dossier program (being written). */
#include <dossier/dossier.h>
int
main(void)
{
    return 0;
}
