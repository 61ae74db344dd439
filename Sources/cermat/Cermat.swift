import CermatCLI

// `@main` picks the asynchronous entry point, which `cermat serve` needs (a top-level call would pick the synchronous one).
@main extension CermatCommand {}
