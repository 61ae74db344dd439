import CermatAnnotator
import CermatKnowledge
import CermatReader
import CermatRules
import CermatTestSupport
import CermatWorkbook
import Foundation
import Testing

/// The annotated copy of every fixture, read back with Cermat's reader and compared with the original cell by cell and
/// style by style: every value, type and formula must match, and at least 99% of the style attributes the model holds
/// (fills and borders of flagged cells excepted: those are the marks).
@Suite(.serialized) struct RoundTripTests {
    static let knowledge = try! KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)
    static let fixtures = Fixtures.files(in: "planning", suffix: ".xlsx") + Fixtures.files(in: "reader", suffix: ".xlsx")

    static func annotate(_ path: String, constantMemory: Bool = false) throws
        -> (original: Workbook, copy: Workbook, findings: [Finding], report: AnnotationReport) {
        let original = try XLSXReader().read(path: path)
        let findings = try Linter(knowledge: knowledge).lint(original).findings
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cermat-annotate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("copy.cermat.xlsx").path
        let report = try Annotator(constantMemoryCells: constantMemory ? 0 : 250_000).write(original, findings: findings, to: output)
        #expect(report.constantMemory == constantMemory)
        let copy = try XLSXReader().read(path: output)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["copy.cermat.xlsx"], "a temporary file was left")
        return (original, copy, findings, report)
    }

    // Every fixture as a small workbook is written; and in constant-memory mode, as a large one would be (rows in
    // order, merges declared at their last row).
    static let cases = fixtures.map { ($0, false) } + fixtures.filter { $0.contains("/planning/") }.map { ($0, true) }

    @Test(arguments: cases)
    func copyKeepsEveryValueAndAlmostEveryStyle(path: String, constantMemory: Bool) throws {
        let (original, copy, findings, _) = try Self.annotate(path, constantMemory: constantMemory)
        let name = URL(fileURLWithPath: path).lastPathComponent + (constantMemory ? " (constant memory)" : "")
        #expect(copy.sheets.first?.name == "Temuan", "\(name): the first sheet is \(copy.sheets.first?.name ?? "none")")
        let copied = Array(copy.sheets.dropFirst())
        #expect(copied.map(\.name) == original.sheets.map(\.name), "\(name): sheet names or order differ")
        #expect(copied.map { $0.visibility == .visible } == original.sheets.map { $0.visibility == .visible })
        let flagged = Set(findings.map { "\($0.sheetIndex)|\($0.cell.a1)" })
        var comparison = StyleComparison()
        for (index, (source, written)) in zip(original.sheets, copied).enumerated() {
            #expect(Set(written.mergedRanges) == Set(source.mergedRanges), "\(name) '\(source.name)': merges differ")
            #expect(written.pane?.rows == source.pane.flatMap { $0.frozen ? $0.rows : nil },
                    "\(name) '\(source.name)': frozen rows differ")
            for column in source.columns {
                guard let expected = column.width else { continue }
                let width: Double = written.columnInfo(column.first)?.width ?? -1
                let letter = CellAddress.columnName(column.first)
                #expect(abs(width - expected) < 0.1, "\(name) '\(source.name)': column \(letter) width \(expected) became \(width)")
            }
            for row in source.rows {
                #expect(written.rowInfo(row.row)?.hidden == row.hidden || (!row.hidden && written.rowInfo(row.row) == nil))
                // libxlsxwriter leaves out a row whose height is the default 15 points and that has nothing else to say.
                if let height = row.height {
                    let copied = written.rowInfo(row.row)?.height ?? 15
                    #expect(copied == height, "\(name) '\(source.name)': row \(row.row + 1) height \(height) became \(copied)")
                }
            }
            for note in source.notes {
                #expect(written.note(at: note.address)?.text.hasPrefix(note.text) == true,
                        "\(name) '\(source.name)'!\(note.address.a1): the note was lost")
            }
            for cell in source.cells {
                let place = "\(name) '\(source.name)'!\(cell.address.a1)"
                let copiedCell = written[cell.address]
                // Computed outside #expect, which would otherwise describe both whole workbooks on failure.
                let same = Self.sameValue(cell, original, copiedCell, copy)
                #expect(same, "\(place): \(cell.value) became \(copiedCell?.value ?? .empty)")
                // An error typed as a value can only be written as the formula of that error (libxlsxwriter has no error cell).
                let formula = cell.formula ?? { if case .error(let code) = cell.value { return code } else { return nil } }()
                #expect(copiedCell?.formula == formula, "\(place): formula \(cell.formula ?? "none") became \(copiedCell?.formula ?? "none")")
                guard let copiedCell else { continue }
                comparison.compare(original.style(of: cell), original, copy.style(of: copiedCell), copy,
                                   marked: flagged.contains("\(index)|\(cell.address.a1)"))
            }
        }
        #expect(comparison.ratio >= 0.99, "\(name): \(comparison.matched) of \(comparison.total) style attributes match; first differences: \(comparison.differences.prefix(5))")
    }

    @Test func flaggedCellsCarryTheirMarkAndNote() throws {
        let (original, copy, findings, report) = try Self.annotate(Fixtures.path("planning/renja-perubahan-2024-blitar.xlsx"))
        let capaian = try #require(findings.first { $0.rule == "capaian-formula" && $0.severity == .error })
        let sheet = try #require(copy.sheets.first { $0.name == capaian.sheet })
        let cell = try #require(sheet[capaian.cell])
        let style = copy.style(of: cell)
        #expect(style.fill.pattern == "solid")
        #expect(style.fill.foreground?.rgb(theme: copy.themeColors, palette: copy.indexedColors) == 0xFFC7CE)
        let note = try #require(sheet.note(at: capaian.cell))
        #expect(note.text.contains("capaian-formula (kesalahan)"))
        #expect(note.text.contains(capaian.message.id))
        #expect(note.text.contains("Seharusnya: "))
        #expect(report.flaggedCells == Set(findings.map { "\($0.sheetIndex)|\($0.cell.a1)" }).count)
        // The findings sheet: a row per finding, each with a link to its cell.
        let temuan = copy.sheets[0]
        let rules = temuan.cells.filter { $0.address.column == 2 }.compactMap(\.value.text)
        for finding in findings { #expect(rules.contains(finding.rule)) }
        #expect(original.sheets.count + 1 == copy.sheets.count)
    }

    @Test func refusesToWriteOverItsSource() throws {
        let path = Fixtures.path("planning/e81-tanpa-nomor.xlsx")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let workbook = try XLSXReader().read(path: path)
        #expect(throws: AnnotatorError.self) { try Annotator().write(workbook, findings: [], to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    // Values as a reader sees them; dates compare by their calendar day (a 1904 workbook's copy is in the 1900 system).
    static func sameValue(_ cell: Cell, _ workbook: Workbook, _ copied: Cell?, _ copy: Workbook) -> Bool {
        guard let copied else { return cell.value.isBlank }
        if workbook.style(of: cell).numberFormat.isDate, case .number(let a) = cell.value, case .number(let b) = copied.value {
            return ExcelDate.iso8601(serial: a, date1904: workbook.date1904) == ExcelDate.iso8601(serial: b, date1904: copy.date1904)
        }
        switch (cell.value, copied.value) {
        case (.empty, .empty), (.string(""), .empty), (.empty, .string("")): return true
        // A date typed as such (t="d") is written as its serial in the cell's date format.
        case (.date(let iso), .number(let serial)):
            return ExcelDate.iso8601(serial: serial, date1904: copy.date1904).map { iso.hasPrefix($0) || $0.hasPrefix(iso) } == true
        case (.number(let a), .number(let b)): return a == b || abs(a - b) <= 1e-12 * max(abs(a), 1)
        // libxlsxwriter has no boolean formula result: a cached TRUE comes back as 1.
        case (.boolean(let flag), .number(let number)) where cell.formula != nil: return number == (flag ? 1 : 0)
        // An error typed as a value comes back as the formula of that error with the error as its result.
        case (.error(let a), .error(let b)), (.error(let a), .string(let b)): return a == b
        default: return cell.value == copied.value
        }
    }
}

/// Style attributes compared one by one, so that one difference costs one attribute, not a whole cell.
struct StyleComparison {
    var matched = 0
    var total = 0
    var differences: [String] = []

    mutating func compare(_ a: CellStyle, _ left: Workbook, _ b: CellStyle, _ right: Workbook, marked: Bool) {
        func rgb(_ color: Color?, _ workbook: Workbook) -> UInt32? { color?.rgb(theme: workbook.themeColors, palette: workbook.indexedColors) }
        func check(_ name: String, _ same: Bool) {
            total += 1
            if same { matched += 1 } else if differences.count < 20 { differences.append(name) }
        }
        check("number format", a.numberFormat.code == b.numberFormat.code || a.numberFormat.id == b.numberFormat.id)
        check("bold", a.font.bold == b.font.bold)
        check("italic", a.font.italic == b.font.italic)
        check("font name", a.font.name == nil || a.font.name == b.font.name)
        check("font size", a.font.size == nil || a.font.size == b.font.size)
        check("font colour", rgb(a.font.color, left) == nil || rgb(a.font.color, left) == rgb(b.font.color, right))
        check("underline", a.font.underline == b.font.underline)
        check("horizontal", (a.alignment.horizontal ?? "general") == (b.alignment.horizontal ?? "general"))
        check("vertical", (a.alignment.vertical ?? "bottom") == (b.alignment.vertical ?? "bottom"))
        check("wrap", a.alignment.wrapText == b.alignment.wrapText)
        check("indent", a.alignment.indent == b.alignment.indent)
        check("rotation", a.alignment.textRotation == b.alignment.textRotation)
        guard !marked else { return }
        check("fill", a.fill.isVisible == b.fill.isVisible && (!a.fill.isVisible || rgb(a.fill.foreground, left) == rgb(b.fill.foreground, right)))
        for (edgeA, edgeB) in [(a.border.left, b.border.left), (a.border.right, b.border.right), (a.border.top, b.border.top),
                               (a.border.bottom, b.border.bottom)] {
            check("border", (edgeA?.style ?? "none") == (edgeB?.style ?? "none"))
        }
    }

    var ratio: Double { total == 0 ? 1 : Double(matched) / Double(total) }
}
