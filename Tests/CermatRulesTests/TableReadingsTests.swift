import CermatPlanning
import CermatRules
import CermatWorkbook
import Dispatch
import Foundation
import Testing

/// Readings shared by the rules of a run: made once per table and kind, however many rules ask at once.
@Suite struct TableReadingsTests {
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var made: [String] = []
        func make(_ what: String) -> String {
            lock.withLock { made.append(what) }
            Thread.sleep(forTimeInterval: 0.01)
            return what
        }
        var count: Int { lock.withLock { made.count } }
    }

    private func table(_ sheet: Int, rows: ClosedRange<Int>) -> PlanningTable {
        PlanningTable(sheet: "E-81", sheetIndex: sheet,
                      range: CellRange(CellAddress(row: rows.lowerBound, column: 0), CellAddress(row: rows.upperBound, column: 19)),
                      form: nil, title: [], headerRows: rows.lowerBound...rows.lowerBound, numberRow: nil,
                      repeatedHeaderRows: [], columns: [], derivations: [], rows: [], remarks: [])
    }

    @Test func eachTableIsReadOnceWhileRulesAskTogether() {
        let readings = TableReadings()
        let counter = Counter()
        let tables = [table(0, rows: 0...40), table(0, rows: 45...90), table(1, rows: 0...40)]
        // One slot per iteration: each has one writer.
        nonisolated(unsafe) let seen = UnsafeMutableBufferPointer<String>.allocate(capacity: 24)
        seen.initialize(repeating: "")
        defer {
            seen.deinitialize()
            seen.deallocate()
        }
        DispatchQueue.concurrentPerform(iterations: 24) { index in
            let table = tables[index % 3]
            seen[index] = readings.reading(String.self, of: table) { counter.make("\(table.sheetIndex) \(table.range)") }
        }
        #expect(counter.count == 3)
        #expect(Set(seen) == ["0 A1:T41", "0 A46:T91", "1 A1:T41"])
        // Another kind of reading of the same table is its own.
        #expect(readings.reading(Int.self, of: tables[0]) { 7 } == 7)
    }
}
