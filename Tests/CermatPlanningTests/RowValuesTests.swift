@testable import CermatPlanning
import CermatWorkbook
import Testing

/// A row's values by column: lookups, removal, column order and equality whatever order the cells were set in.
@Suite struct RowValuesTests {
    private func value(_ text: String, column: Int) -> TypedValue {
        let parsed = ValueParser.parse(text)
        return TypedValue(value: parsed.value, cell: CellAddress(row: 4, column: column), raw: text, decimals: parsed.decimals,
                          isNumericCell: false)
    }

    @Test func keepsEachColumnsValueInColumnOrder() {
        var values = RowValues()
        values[7] = value("98,15%", column: 7)
        values[3] = value("13.401.076.519,00", column: 3)
        values[11] = value("Tercapai", column: 11)
        #expect(values.count == 3)
        #expect(values.keys == [3, 7, 11])
        #expect(values[7]?.value == .percent(98.15))
        #expect(values[3]?.value.number == 13_401_076_519)
        #expect(values[5] == nil && values[2] == nil && values[12] == nil && values[-1] == nil)
        #expect(values.map(\.value.raw) == ["13.401.076.519,00", "98,15%", "Tercapai"])
    }

    @Test func aDashOrABlankIsNotFilled() {
        let values: RowValues = [2: value("-", column: 2), 3: value("", column: 3), 5: value("0", column: 5),
                                 6: value("Tercapai", column: 6)]
        #expect(!values.isFilled(2) && !values.isFilled(3))
        #expect(values.isFilled(5) && values.isFilled(6))
        #expect(!values.isFilled(4) && !values.isFilled(1) && !values.isFilled(40))
    }

    @Test func removingAValueLeavesTheOthers() {
        var values: RowValues = [2: value("10", column: 2), 4: value("20", column: 4)]
        values[2] = nil
        values[9] = nil
        #expect(values.count == 1 && values.keys == [4] && !values.isEmpty)
        values[4] = nil
        #expect(values.isEmpty && values.keys.isEmpty)
    }

    @Test func equalWhateverTheOrderOfSetting() {
        var forward = RowValues(), backward = RowValues()
        for column in [1, 5, 8] { forward[column] = value("\(column)", column: column) }
        for column in [8, 5, 1] { backward[column] = value("\(column)", column: column) }
        // A value set and removed again leaves an empty slot behind; it does not make the rows differ.
        backward[0] = value("0", column: 0)
        backward[0] = nil
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        // Slots made up front for a row's span (as recognition does) hold nothing until set, and the span can grow.
        var spanned = RowValues(first: 0, width: 7, sheetRow: 4)
        #expect(spanned.isEmpty && spanned.keys.isEmpty)
        for column in [5, 1, 8] { spanned[column] = value("\(column)", column: column) }
        #expect(spanned == forward && spanned.keys == [1, 5, 8] && spanned.count == 3)
        #expect(spanned.isFilled(5) && !spanned.isFilled(0) && !spanned.isFilled(20))
        backward[5] = value("6", column: 5)
        #expect(forward != backward)
    }
}

/// A row's values kept in 16-byte slots: numeric and empty cells as their parts, anything else whole; each reads back as
/// `ValueParser` reads the cell.
@Suite struct RowValuesPackingTests {
    private let percent = NumberFormat(id: 10, code: "0.00%"), grouped = NumberFormat(id: 3, code: "#,##0")

    @Test func aSlotIsSixteenBytes() {
        #expect(MemoryLayout<RowValues.Slot>.stride == 16)
    }

    @Test func cellsReadInPartsReadBackAsTheCellsWereRead() {
        let row = 11
        let cells: [(Cell?, NumberFormat)] = [
            (Cell(address: CellAddress(row: row, column: 3), value: .number(0.9815)), percent),
            (Cell(address: CellAddress(row: row, column: 4), value: .number(13_401_076_519)), grouped),
            (nil, .general),
            (Cell(address: CellAddress(row: row, column: 6), value: .empty), .general),
            (Cell(address: CellAddress(row: row, column: 7), value: .string("79 Orang/Bulan")), .general),
            (Cell(address: CellAddress(row: row, column: 8), value: .string("60, 18, 90, 30")), .general),
            (Cell(address: CellAddress(row: row, column: 9), value: .string("- 100")), .general),
            (Cell(address: CellAddress(row: row, column: 10), value: .error("#DIV/0!")), .general),
        ]
        var values = RowValues(first: 3, width: cells.count, sheetRow: row)
        // As recognition reads a row: a stored cell in its parts, a cell the sheet does not store as a blank.
        for (offset, (cell, format)) in cells.enumerated() {
            if let cell {
                ValueParser.read(cell.value, display: format.display, at: CellAddress(row: row, column: 3 + offset), into: &values)
            } else {
                values.setBlank(3 + offset)
            }
        }
        for (offset, (cell, format)) in cells.enumerated() {
            let column = 3 + offset
            let read = ValueParser.read(cell, format: format, at: CellAddress(row: row, column: column))
            #expect(values[column] == read)
            #expect(values[column]?.raw == read.raw && values[column]?.decimals == read.decimals)
            #expect(values.isFilled(column) == !read.value.isEmpty && values.number(column) == read.value.number)
            #expect(values.numberCount(column) == read.value.numberCount && values.kind(column) == read.value.kind)
            #expect(values.writing(column)?.formatGroupsThousands == read.formatGroupsThousands)
        }
        #expect(values[3]?.value == .percent(98.15) && values[3]?.decimals == 2 && values[3]?.isNumericCell == true)
        #expect(values.count == cells.count && values.values == cells.enumerated().map { offset, pair in
            ValueParser.read(pair.0, format: pair.1, at: CellAddress(row: row, column: 3 + offset))
        })
        // Only the four cells that are not a number or empty are kept whole.
        #expect(values.others?.count == 4)
    }

    @Test func aValueFromAnotherCellIsKeptWhole() {
        var values = RowValues(first: 2, width: 3, sheetRow: 5)
        values.setNumericCell(2, number: 7, percent: false, decimals: 0, formatGroupsThousands: false)
        // A value printed in one column and meaning another (`RowLayoutResolver`) keeps the cell it was read from.
        let moved = values[2]!
        values[4] = moved
        values[2] = nil
        #expect(values[4] == moved && values[4]?.cell == CellAddress(row: 5, column: 2))
        #expect(values.keys == [4] && values.number(4) == 7 && values.others?.count == 1)
    }
}

@Suite struct TypedValueLayoutTests {
    // A table holds one typed value per cell: 200 000 rows of 20 columns are four million of them.
    @Test func aTypedValuePacksIntoFiftySixBytes() {
        #expect(MemoryLayout<TypedValue>.stride == 56)
        #expect(MemoryLayout<TypedValue?>.stride == 56)
    }

    @Test func decimalsSurviveThePacking() {
        var value = TypedValue(value: .number(1.25), cell: CellAddress(row: 0, column: 0), raw: "1,25", decimals: 2, isNumericCell: true)
        #expect(value.decimals == 2)
        value.decimals = nil
        #expect(value.decimals == nil)
        value.decimals = 30
        #expect(value.decimals == 30)
    }
}
