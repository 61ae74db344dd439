/// A value kept in one shared box and copied only when a copy is changed: one retain to copy, however many fields.
struct CopyOnWrite<Value: Sendable>: Sendable {
    private final class Box: @unchecked Sendable {
        // @unchecked: a box reachable from two copies is never written (`value`'s modify copies it first).
        // Unchecked exclusivity: every field of every row is read through here, millions of times a lint, and a box is
        // only written while one copy holds it, so no access can overlap a write.
        @exclusivity(unchecked) var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    /// A box holding `value`.
    init(_ value: Value) {
        box = Box(value)
    }

    /// The value; changing it copies the box first when another copy shares it.
    var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    /// Whether two copies share one box (and so hold the same value).
    func shares(with other: CopyOnWrite<Value>) -> Bool {
        box === other.box
    }
}
