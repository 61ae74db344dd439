import CermatCLI
import CJemalloc

// The entry point: asynchronous, which `cermat serve` needs.
@main enum Cermat {
    static func main() async {
        await CermatCommand.main()
    }
}
