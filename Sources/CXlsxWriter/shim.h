// libxlsxwriter, as Debian's libxlsxwriter-dev (1.1.4) installs it. Imported by CermatAnnotator only.
#include <stdlib.h>
#include <xlsxwriter.h>

// Declares a merged range without writing any of its cells.
//
// worksheet_merge_range() writes blanks over the whole range. In constant-memory mode that flushes the range's first
// row as soon as it reaches the second (so the first row's other cells, written later, are lost) and replaces cells
// already written (the last write to a cell wins). Copying a workbook writes every cell itself, so it only needs the
// range recorded; this records it exactly as worksheet_merge_range() does, on the list libxlsxwriter writes and frees.
static inline lxw_error cermat_declare_merged_range(lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col,
                                                    lxw_row_t last_row, lxw_col_t last_col) {
    if (first_row > last_row || first_col > last_col || (first_row == last_row && first_col == last_col))
        return LXW_ERROR_PARAMETER_VALIDATION;
    if (last_row >= LXW_ROW_MAX || last_col >= LXW_COL_MAX)
        return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    if (worksheet->merged_range_count == UINT16_MAX)
        return LXW_ERROR_PARAMETER_VALIDATION;
    lxw_merged_range *range = calloc(1, sizeof(lxw_merged_range));
    if (!range)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    range->first_row = first_row;
    range->first_col = first_col;
    range->last_row = last_row;
    range->last_col = last_col;
    STAILQ_INSERT_TAIL(worksheet->merged_ranges, range, list_pointers);
    worksheet->merged_range_count++;
    return LXW_NO_ERROR;
}
