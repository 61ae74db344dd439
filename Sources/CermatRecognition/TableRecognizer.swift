import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// Finds the planning tables of a workbook and what each column and row means; says why when a sheet has none.
public struct TableRecognizer: Sendable {
    /// The forms and vocabulary recognition relies on.
    public let knowledge: KnowledgeBase

    /// A recognizer using `knowledge`.
    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
    }

    /// Every table of every sheet, in sheet order, and the sheets with content but no table.
    public func recognise(_ workbook: Workbook) -> PlanningDocument {
        var tables: [PlanningTable] = []
        var unrecognised: [PlanningDocument.UnrecognisedSheet] = []
        for index in workbook.sheets.indices {
            let grid = SheetGrid(workbook: workbook, sheetIndex: index)
            let found = recognise(grid)
            tables += found.tables
            if let reason = found.reason { unrecognised.append(.init(sheet: workbook.sheets[index].name, reason: reason)) }
        }
        NameLevels.assign(&tables, vocabulary: knowledge.vocabulary)
        for index in tables.indices {
            SasaranRows.assign(&tables[index].rows, openers: knowledge.vocabulary.sasaranOpeners)
            RowReader.assignParents(&tables[index].rows)
        }
        return PlanningDocument(source: workbook.source, tables: tables, unrecognised: unrecognised)
    }

    private func recognise(_ grid: SheetGrid) -> (tables: [PlanningTable], reason: String?) {
        guard let used = grid.sheet.usedRange else { return ([], nil) }
        var tables: [PlanningTable] = []
        var headersWithoutData: [Int] = []
        let rows = Array(grid.sheet.storedRows)
        var position = 0
        var previousEnd = -1
        while position < rows.count {
            let row = rows[position]
            position += 1
            guard row > previousEnd, isHeaderStart(row, grid: grid, strict: false) else { continue }
            guard let table = readTable(at: row, after: previousEnd, grid: grid, lastRow: used.last.row) else {
                headersWithoutData.append(row)
                continue
            }
            tables.append(table)
            previousEnd = table.range.last.row
        }
        if !tables.isEmpty { return (tables, nil) }
        if let row = headersWithoutData.first {
            return ([], "a header at row \(row + 1) has no data rows below it")
        }
        return ([], "no table header found: no row names at least two columns such as No, Kode, Program/Kegiatan, "
                    + "Indikator, Satuan, Target, Realisasi, Capaian, Anggaran or Pagu")
    }

    // MARK: - Header starts

    /// Whether a row looks like the first row of a table header: short texts naming at least two kinds of column,
    /// and nothing that reads as data (a number other than a year, a kode). `strict` asks for three kinds.
    func isHeaderStart(_ row: Int, grid: SheetGrid, strict: Bool) -> Bool {
        let cells = grid.contentCells(row)
        guard cells.count >= 2 else { return false }
        var roles: Set<String> = []
        for cell in cells {
            switch cell.value {
            case .number(let number):
                // A year heading a column (Renstra matrices) is header text; any other number is data.
                guard number >= 1990 && number <= 2100 && number == number.rounded() else { return false }
            case .string(let raw):
                let text = TextKey.trimmed(raw)
                if Kode(text) != nil { return false }
                let parsed = ValueParser.parse(text).value
                if parsed.number != nil, !(parsed.number! >= 1990 && parsed.number! <= 2100) { return false }
                guard text.count <= 250 else { continue }
                let key = TextKey.header(text)
                if let descriptor = knowledge.vocabulary.roleDescriptor(path: [key]) { roles.insert(descriptor.role) }
            default:
                return false
            }
        }
        return roles.count >= (strict ? 3 : 2)
    }

    // MARK: - One table

    private func readTable(at start: Int, after previousEnd: Int, grid: SheetGrid, lastRow: Int) -> PlanningTable? {
        guard let header = HeaderBlock.read(at: start, grid: grid, vocabulary: knowledge.vocabulary,
                                            looksLikeHeader: { isHeaderStart($0, grid: grid, strict: true) }) else { return nil }
        let title = titleLines(above: start, after: previousEnd, grid: grid)
        let (form, ties) = FormMatcher(forms: knowledge.forms).match(header: header, title: title, grid: grid)
        var (descriptors, unknown) = ColumnClassifier(vocabulary: knowledge.vocabulary).classify(header, form: form, title: title)
        let reader = RowReader(grid: grid, header: header, descriptors: descriptors, vocabulary: knowledge.vocabulary)
        let walk = reader.read(lastSheetRow: lastRow) { row in
            row > header.lastRow && isHeaderStart(row, grid: grid, strict: true)
        }
        guard !walk.rows.isEmpty else { return nil }
        for column in reader.categoryColumns(walk.rows) { descriptors[column] = ColumnDescriptor(role: "kategori") }
        // A table of blocks (a tujuan block, then sasaran, then programs) names its label column after its lowest block.
        if let lowest = walk.blockLevels.max(), let label = descriptors.filter({ ["tujuan", "sasaran", "name"].contains($0.value.role) })
            .map(\.key).min() {
            descriptors[label] = ColumnDescriptor(role: lowest == .tujuan ? "tujuan" : lowest == .sasaran ? "sasaran" : "name")
        }
        var columns: [PlanningColumn] = []
        for index in header.columns {
            let descriptor = descriptors[index] ?? ColumnDescriptor(role: header.paths[index]?.isEmpty == false ? "text" : "empty")
            columns.append(PlanningColumn(index: index, number: header.numberRow?.numbers[index],
                                          header: header.printed[index] ?? [], descriptor: descriptor))
        }
        let (derivations, unresolved) = DerivationResolver(columns: columns, numberRow: header.numberRow, form: form).resolve()
        let range = CellRange(CellAddress(row: header.rows.lowerBound, column: header.columns.lowerBound),
                              CellAddress(row: walk.lastRow, column: header.columns.upperBound))
        let remarks = HeaderRemarks(header: header, grid: grid, rows: walk.rows)
            .remarks(ties: ties, unknown: unknown, unresolved: unresolved)
        let table = PlanningTable(sheet: grid.sheet.name, sheetIndex: grid.sheetIndex, range: range, form: form?.id, title: title,
                                  headerRows: header.rows, numberRow: header.numberRow?.row,
                                  repeatedHeaderRows: walk.repeatedHeaderRows, columns: columns, derivations: derivations,
                                  rows: walk.rows, remarks: remarks + walk.remarks)
        return RowLayoutResolver().resolve(table)
    }

    // Lines of text right above the header (title, "Perangkat Daerah : …"), up to five, not reaching into a table above.
    private func titleLines(above start: Int, after previousEnd: Int, grid: SheetGrid) -> [String] {
        var lines: [String] = []
        var row = start - 1
        var blanks = 0
        while row > previousEnd, row >= 0, lines.count < 5 {
            let cells = grid.contentCells(row)
            if cells.isEmpty {
                blanks += 1
                if blanks > 1 { break }
            } else {
                guard cells.count <= 3 else { break }
                lines.insert(cells.map(grid.shown).joined(separator: " "), at: 0)
                blanks = 0
            }
            row -= 1
        }
        return lines
    }
}
