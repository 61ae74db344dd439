import CermatPlanning
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
        var spanned = RowValues(first: 0, slots: Array(repeating: nil, count: 7))
        #expect(spanned.isEmpty && spanned.keys.isEmpty)
        for column in [5, 1, 8] { spanned[column] = value("\(column)", column: column) }
        #expect(spanned == forward && spanned.keys == [1, 5, 8] && spanned.count == 3)
        #expect(spanned.isFilled(5) && !spanned.isFilled(0) && !spanned.isFilled(20))
        backward[5] = value("6", column: 5)
        #expect(forward != backward)
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
