import CermatKnowledge
import CermatPlanning
import CermatReader
import CermatRules
import CermatTestSupport
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

    // Each rule declares the shared readings it makes (`Rule.readings`), which the linter makes before the rules start: one
    // it made undeclared would keep the rules reading it waiting again, one declared and never read is made for nothing.
    // Each rule is run on its own, without the linter, on every planning fixture.
    @Test func everyRuleDeclaresTheReadingsItMakes() throws {
        let knowledge = try KnowledgeBase.load(folder: Fixtures.root.appendingPathComponent("rules").path)
        let linter = try Linter(knowledge: knowledge)
        let folder = Fixtures.root.appendingPathComponent("fixtures/planning")
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xlsx") }.sorted()
        let workbooks = try paths.map { path in
            let workbook = try XLSXReader().read(path: folder.appendingPathComponent(path).path)
            return (workbook: workbook, document: linter.recognise(workbook).document)
        }
        let shared = Set(RuleRegistry.all.flatMap { Self.names($0.readings) })
        #expect(shared == ["reading ValueColumns", "reading KodeReading", "reading Families", "reading SatuanTexts"])
        for type in RuleRegistry.all {
            var made: Set<String> = []
            for read in workbooks {
                let readings = TableReadings()
                let document = read.document
                let context = RuleContext(workbook: read.workbook, document: document, knowledge: knowledge,
                                          settings: linter.settings(type.info, sheet: nil), rule: type.info.id, readings: readings)
                let rule = type.init()
                for table in document.tables { rule.check(table: table, in: context) }
                rule.check(document: document, in: context)
                made.formUnion(readings.timings.map(\.step))
            }
            let declared = Set(Self.names(type.readings))
            #expect(made.intersection(shared) == declared, "\(type.info.id) makes \(made.sorted())")
        }
    }

    // The names `TableReadings.timings` gives readings of these kinds.
    private static func names(_ kinds: [any TableReading.Type]) -> [String] {
        kinds.map { "reading " + String(describing: $0) }
    }
}
