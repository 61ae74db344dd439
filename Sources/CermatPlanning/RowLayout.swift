/// A column order that the rows of one level use instead of the header's, in a group of derived columns.
///
/// E-81 prints column 15 as `K | Rp% | Rp=14` on kegiatan and sub-kegiatan rows but as `K | Kr | Rp%` on program rows:
/// the program rows' `Rp%` sits under the header's `Rp=14`, and their `Kr` repeats `K`. Recognition reads those rows by
/// their own order, so that rules compare each value with what it means; the layout is reported, not each row.
public struct RowLayout: Hashable, Sendable {
    /// A value that sits in another column than the one whose meaning it has.
    public struct Move: Hashable, Sendable {
        /// The zero-based sheet column the value is printed in.
        public var printedIn: Int
        /// The zero-based sheet column whose meaning it has.
        public var means: Int
        /// Whether it only repeats a value the row already has in `means` (E-81's `Kr`).
        public var repeats: Bool

        /// A move.
        public init(printedIn: Int, means: Int, repeats: Bool) {
            self.printedIn = printedIn
            self.means = means
            self.repeats = repeats
        }
    }

    /// The level whose rows use this order.
    public var level: RowLevel
    /// How its values are placed.
    public var moves: [Move]
    /// Zero-based sheet rows read with this layout.
    public var rows: [Int]

    /// A layout.
    public init(level: RowLevel, moves: [Move], rows: [Int]) {
        self.level = level
        self.moves = moves
        self.rows = rows
    }
}
