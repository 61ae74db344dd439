import CermatPlanning
import CermatWorkbook
import Foundation

/// What several rules read alike from one table (its kode column, say), worked out once per run by the first rule that
/// asks and then shared: the rules run in parallel, and each re-reading a 200 000-row table cost seconds.
public final class TableReadings: @unchecked Sendable {
    // @unchecked: `slots` is only touched under `lock`, and a slot's value only under the slot's own lock.
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var value: (any Sendable)?
    }

    private struct Key: Hashable {
        let reading: ObjectIdentifier
        let sheetIndex: Int
        let range: CellRange
    }

    private var slots: [Key: Slot] = [:]
    // CPU seconds spent making each kind of reading, by its name.
    private var seconds: [String: Double] = [:]
    private let lock = NSLock()

    /// No readings yet.
    public init() {}

    /// The reading of a kind for a table, made by `make` unless another rule made it first (then waits for it).
    public func reading<Reading: Sendable>(_ kind: Reading.Type, of table: PlanningTable, make: () -> Reading) -> Reading {
        let key = Key(reading: ObjectIdentifier(kind), sheetIndex: table.sheetIndex, range: table.range)
        let slot = lock.withLock {
            if let slot = slots[key] { return slot }
            let slot = Slot()
            slots[key] = slot
            return slot
        }
        return slot.lock.withLock {
            if let value = slot.value as? Reading { return value }
            let value = measure(String(describing: kind), make)
            slot.value = value
            return value
        }
    }

    /// Makes a reading, or part of one (a text column read when first asked for), its CPU time counted under `name`.
    func measure<Value>(_ name: String, _ make: () -> Value) -> Value {
        let made = ThreadClock.reading(make)
        lock.withLock { seconds[name, default: 0] += made.seconds }
        return made.value
    }

    /// The CPU seconds spent so far making each kind of reading, by name, for `lint --timings`.
    public var timings: [(step: String, seconds: Double)] {
        lock.withLock { seconds.sorted { $0.key < $1.key }.map { ("reading " + $0.key, $0.value) } }
    }
}
