import CermatTestSupport
import Foundation
import Testing

/// `cermat inspect`, end to end: the built binary on fixtures.
@Suite struct InspectCommandTests {
    @Test func summarisesSheetsRangesCountsAndMerges() throws {
        let run = try Binary.run(["inspect", "fixtures/reader/openpyxl-basics.xlsx"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("fixtures/reader/openpyxl-basics.xlsx: "))
        #expect(run.stdout.contains("sheet 1 'Tabel Ü–2 (E-81)': used range A1:G10, 58 stored cells"))
        #expect(run.stdout.contains("sheet 2 'Nilai': used range A1:C51"))
        #expect(run.stdout.contains("(hidden)"))
        #expect(run.stdout.contains("(veryHidden)"))
        #expect(run.stdout.contains("'Tabel Ü–2 (E-81)'"))
        #expect(run.stdout.contains("merged ranges ("))
        #expect(run.stdout.contains("frozen pane: 2 rows, 2 columns"))
    }

    @Test func listsCellsWithValueTypeFormulaAndFormat() throws {
        let run = try Binary.run(["inspect", "fixtures/reader/excel-style-shared.xlsx", "--cells", "Campuran!A7:H10"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Campuran!A7:H10: 27 stored cells")
        #expect(lines.contains { $0.hasPrefix("B7 ") && $0.contains("error") && $0.contains("#DIV/0!") && $0.contains("=1/0") })
        #expect(lines.contains { $0.hasPrefix("C10 ") && $0.contains("number") && $0.contains("1234") })
        #expect(lines.contains { $0.hasPrefix("G10 ") && $0.contains("0.98765") && $0.hasSuffix("0.00%") })
        #expect(lines.contains { $0.hasPrefix("F10 ") && $0.contains("(2024-01-31)") })
        #expect(lines.contains { $0.hasPrefix("C8 ") && $0.contains("\"inline\\rCR\"") })
    }

    @Test func reportsAnUnreadableFileWithExitStatus2() throws {
        let run = try Binary.run(["inspect", "fixtures/hostile/ole2.xlsx"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("fixtures/hostile/ole2.xlsx: not an XLSX file"))
        #expect(run.stderr.contains("legacy .xls"))
    }

    @Test func namesTheSheetsWhenASheetIsUnknown() throws {
        let run = try Binary.run(["inspect", "fixtures/reader/openpyxl-basics.xlsx", "--cells", "Tidak Ada!A1"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("no sheet named 'Tidak Ada'"))
        #expect(run.stderr.contains("'Nilai'"))
    }

    @Test func printsTimings() throws {
        let run = try Binary.run(["inspect", "fixtures/reader/xlsxwriter-wide-long.xlsx", "--timings"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("xl/worksheets/sheet1.xml"))
        #expect(run.stdout.contains("sheet XML"))
    }

    @Test func documentsItsOptions() throws {
        let run = try Binary.run(["inspect", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("--cells <SHEET!RANGE>"))
        #expect(run.stdout.contains("--timings"))
    }
}

/// `cermat inspect --tables`, end to end.
@Suite struct InspectTablesTests {
    @Test func describesTablesColumnsDerivationsAndRows() throws {
        let run = try Binary.run(["inspect", "examples/renja-perubahan-2024-blitar.xlsx", "--tables", "--rules", "rules"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("table 2 on sheet 'E-81', A4:AB85, form e81"))
        #expect(run.stdout.contains("repeated header rows 30-33, 56-59"))
        #expect(run.stdout.contains("capaian/%/tahun"))
        #expect(run.stdout.contains("U = (S / I) × 100"))
        #expect(run.stdout.contains("rows: 6 program, 15 kegiatan, 45 sub-kegiatan, 4 footer"))
        #expect(run.stdout.contains("4 continuation rows joined to the row above"))
    }

    @Test func explainsASheetWithoutATable() throws {
        let run = try Binary.run(["inspect", "fixtures/planning/dua-tabel-satu-sheet.xlsx", "--tables", "--rules", "rules"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("sheet 'Catatan': no table recognised: no table header found"))
        #expect(run.stdout.contains("table 2 on sheet 'Tabel 1 dan Tabel 5'"))
    }

    @Test func listsRowsWithTheirLevel() throws {
        let run = try Binary.run(["inspect", "examples/renja-perubahan-2024-blitar.xlsx", "--tables", "--rows", "--rules", "rules"])
        #expect(run.stdout.contains("row 8 program: 1.06.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN KABUPATENKOTA"))
    }

    @Test func reportsABrokenRulesFolder() throws {
        let run = try Binary.run(["inspect", "examples/renja-perubahan-2024-blitar.xlsx", "--tables", "--rules", "/nonexistent"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent: the rules folder does not exist"))
    }
}
