/*
 * The writer's own limit for the annotate benchmark: libxlsxwriter writing, in constant-memory mode, a sheet shaped
 * like bench/make_large_workbook.py's (ROWS rows × 20 columns: 5 strings, 12 numbers, 3 formulas with cached values
 * per row), with nothing read. Usage: write_cells OUT.xlsx ROWS
 * Built by bench/annotate_bench.py with: gcc -O2 -o write_cells write_cells.c -lxlsxwriter
 */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: write_cells OUT.xlsx ROWS\n");
        return 64;
    }
    long rows = atol(argv[2]);
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    lxw_workbook *workbook = workbook_new_opt(argv[1], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "E-81");
    lxw_format *money = workbook_add_format(workbook);
    format_set_num_format(money, "#,##0.00");
    char text[96];
    for (long row = 0; row < rows; row++) {
        snprintf(text, sizeof text, "1.06.%02ld.2.%02ld.%04ld", row / 400 % 99 + 1, row / 20 % 20 + 1, row % 20 + 1);
        worksheet_write_number(sheet, row, 0, row, NULL);
        worksheet_write_string(sheet, row, 1, text, NULL);
        worksheet_write_string(sheet, row, 2, "Penyediaan Peralatan dan Perlengkapan Kantor", NULL);
        worksheet_write_string(sheet, row, 3, "- Jumlah Paket Peralatan yang Disediakan", NULL);
        worksheet_write_string(sheet, row, 4, "Paket", NULL);
        for (int column = 5; column < 15; column++)
            worksheet_write_number(sheet, row, column, (double)(row * 37 + column * 1000003 % 9973), column % 2 ? NULL : money);
        worksheet_write_formula_num(sheet, row, 15, "=L2+N2", NULL, 12);
        worksheet_write_formula_num(sheet, row, 16, "=M2+O2", money, 1234567);
        worksheet_write_formula_num(sheet, row, 17, "=P2/J2*100", NULL, 54.5);
        worksheet_write_number(sheet, row, 18, 77.25, NULL);
        worksheet_write_string(sheet, row, 19, "Dinas Sosial", NULL);
    }
    return workbook_close(workbook);
}
