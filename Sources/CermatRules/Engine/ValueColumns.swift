import CermatPlanning
import CermatWorkbook

/// A table's measured values column by column, each column's cells in contiguous arrays by row index (`table.rows`):
/// what each cell holds, its number, the decimals it shows and how it was written, with each row's level. Made once per
/// run by the first rule that asks and shared (`TableReadings`). A rule that visits every cell of a column reads these
/// rather than each row's own values, which lie apart in memory: visiting 200 000 rows that way cost a rule about a
/// tenth of a second per column.
final class ValueColumns: TableReading {
    /// How a cell was written, besides its value.
    struct Written: OptionSet, Sendable {
        let rawValue: UInt8

        /// Its text began with a bullet (`TypedValue.hadBullet`).
        static let bullet = Written(rawValue: 1)
        /// A numeric cell whose number format groups thousands (`TypedValue.formatGroupsThousands`).
        static let groupedNumber = Written(rawValue: 2)
        /// A numeric cell (`TypedValue.isNumericCell`).
        static let numericCell = Written(rawValue: 4)
    }

    /// One column's cells, by row index, in memory its table's reading holds (`Block`).
    // A class: a rule asks for a column once per cell it evaluates, and a struct of four views retained its block each
    // time. @unchecked: the views are fixed once made, and show memory that `block` keeps unchanged as long as any
    // column lives.
    final class Column: @unchecked Sendable {
        /// What each cell holds (`absent` when the row stores no value there).
        let kinds: UnsafeBufferPointer<PlanningValue.Kind>
        /// Each cell's single number (`PlanningValue.number`), NaN when it has none.
        let numbers: UnsafeBufferPointer<Double>
        /// Each cell's decimals shown (`TypedValue.decimals`), -1 when unknown.
        let decimals: UnsafeBufferPointer<Int8>
        /// How each cell was written.
        let written: UnsafeBufferPointer<Written>
        private let block: Block

        // The column at `slot` of a block.
        fileprivate init(_ block: Block, slot: Int) {
            self.block = block
            let range = slot * block.rows..<(slot + 1) * block.rows
            kinds = UnsafeBufferPointer(rebasing: block.kinds[range])
            numbers = UnsafeBufferPointer(rebasing: block.numbers[range])
            decimals = UnsafeBufferPointer(rebasing: block.decimals[range])
            written = UnsafeBufferPointer(rebasing: block.written[range])
        }

        /// Whether a row's cell holds a value other than a blank or a lone dash (`RowValues.isFilled`).
        func isFilled(_ row: Int) -> Bool {
            kinds[row] != .absent && !kinds[row].isEmpty
        }

        /// A row's number, if the cell holds one.
        func number(_ row: Int) -> Double? {
            let number = numbers[row]
            return number.isNaN ? nil : number
        }

        /// How a row's printed number compares with what it should be (`Tolerance.compare`).
        func compare(_ row: Int, _ actual: Double, expected: Double, _ tolerance: Tolerance) -> Tolerance.Outcome {
            tolerance.compare(decimals: decimals[row] < 0 ? nil : Int(decimals[row]), actual, expected: expected)
        }
    }

    // The cells of every measured column of a table, each part column after column, all in one allocation: a
    // 200 000-row table has millions of cells, and filling a fresh array of its own for each part of each column waited
    // on a page fault every 4 KiB (`HugePages`).
    fileprivate final class Block {
        let rows: Int
        let numbers: UnsafeMutableBufferPointer<Double>
        let kinds: UnsafeMutableBufferPointer<PlanningValue.Kind>
        let decimals: UnsafeMutableBufferPointer<Int8>
        let written: UnsafeMutableBufferPointer<Written>
        private let memory: UnsafeMutableRawBufferPointer

        init(columns: Int, rows: Int) {
            self.rows = rows
            let cells = columns * rows
            // The numbers first, at the allocation's alignment; then the parts of one byte each.
            memory = HugePages.allocate(bytes: cells * (MemoryLayout<Double>.stride + 3),
                                        alignment: MemoryLayout<Double>.alignment)
            numbers = memory.baseAddress!.bindMemory(to: Double.self, capacity: cells).buffer(cells, repeating: .nan)
            let bytes = memory.baseAddress! + cells * MemoryLayout<Double>.stride
            kinds = bytes.bindMemory(to: PlanningValue.Kind.self, capacity: cells).buffer(cells, repeating: .absent)
            decimals = (bytes + cells).bindMemory(to: Int8.self, capacity: cells).buffer(cells, repeating: -1)
            written = (bytes + 2 * cells).bindMemory(to: Written.self, capacity: cells).buffer(cells, repeating: [])
        }

        deinit {
            memory.deallocate()
        }
    }

    /// Each row's level, by row index.
    let levels: [RowLevel]
    /// Each row's zero-based sheet row (`PlanningRow.sheetRow`), by row index.
    let sheetRows: [Int]
    /// The data rows (not footers) by index, in order: the rows of `PlanningTable.dataRows()`.
    let dataRows: [Int]
    private let firstColumn: Int
    // By sheet column from `firstColumn`; nil for a column that is not measured.
    private let columns: [Column?]

    /// The table's columns, read afresh.
    init(reading table: PlanningTable, in context: RuleContext) {
        let measured = table.columns.filter(\.descriptor.isMeasured).map(\.index)
        firstColumn = measured.min() ?? 0
        let count = table.rows.count
        let block = Block(columns: measured.count, rows: count)
        var levels: [RowLevel] = [], sheetRows: [Int] = []
        levels.reserveCapacity(count)
        sheetRows.reserveCapacity(count)
        // Row by row, each row's values read once where they lie.
        for (index, row) in table.rows.enumerated() {
            levels.append(row.level)
            sheetRows.append(row.sheetRow)
            let values = row.values
            assert(values.count == measured.count { values[$0] != nil }, "a row holds values in measured columns only")
            // In place: no value is taken out of the row.
            for (slot, column) in measured.enumerated() {
                guard let writing = values.writing(column) else { continue }
                let cell = slot * count + index
                block.kinds[cell] = values.kind(column)
                if let number = values.number(column) { block.numbers[cell] = number }
                if let shown = writing.decimals { block.decimals[cell] = Int8(clamping: shown) }
                block.written[cell] = Written(isNumericCell: writing.isNumericCell, hadBullet: writing.hadBullet,
                                              formatGroupsThousands: writing.formatGroupsThousands)
            }
        }
        var columns = [Column?](repeating: nil, count: (measured.max() ?? -1) - firstColumn + 1)
        for (slot, column) in measured.enumerated() { columns[column - firstColumn] = Column(block, slot: slot) }
        self.levels = levels
        self.sheetRows = sheetRows
        dataRows = levels.indices.filter { levels[$0] != .footer }
        self.columns = columns
    }

    /// The value a derivation gives for a row (`Derivation.value(in:of:)`), from the row's cells here; `hundred` is the
    /// derivation's `scalesByHundred(in:)` for the table.
    func value(of derivation: Derivation, hundred: Bool, row: Int) -> Double? {
        derivation.value(hundred: hundred) { self[$0]?.number(row) }
    }

    /// A measured column's cells; `nil` for a column that is not measured.
    subscript(column: Int) -> Column? {
        let slot = column - firstColumn
        return slot >= 0 && slot < columns.count ? columns[slot] : nil
    }
}

private extension UnsafeMutablePointer {
    // The `count` elements from here, each set to `value`.
    func buffer(_ count: Int, repeating value: Pointee) -> UnsafeMutableBufferPointer<Pointee> {
        initialize(repeating: value, count: count)
        return UnsafeMutableBufferPointer(start: self, count: count)
    }
}

extension ValueColumns.Written {
    // How a typed value was written, from its flags.
    init(isNumericCell: Bool, hadBullet: Bool, formatGroupsThousands: Bool) {
        self = []
        if hadBullet { insert(.bullet) }
        if isNumericCell { insert(.numericCell) }
        if isNumericCell && formatGroupsThousands { insert(.groupedNumber) }
    }
}
