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
            let value = make()
            slot.value = value
            return value
        }
    }
}
