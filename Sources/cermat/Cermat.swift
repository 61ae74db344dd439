import CermatCLI
// Nothing of it is called: importing it links jemalloc, which then serves every malloc of the process (Sources/CJemalloc).
import CJemalloc

// The entry point: asynchronous, which `cermat serve` needs.
@main enum Cermat {
    static func main() async {
        await CermatCommand.main()
    }
}
