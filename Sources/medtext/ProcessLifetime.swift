/// Values the `medtext` process keeps until it exits instead of freeing them. Freeing a built
/// annotator (50,000 compiled terms, each with its strings and arrays) right before exit cost a
/// one-note run about 6 % of its instructions, on the critical path after the output is written;
/// the operating system reclaims the memory at exit anyway (DESIGN.md "Compiled lexicon images").
enum ProcessLifetime {
    /// Written only by `keep`, from the command's own thread; never read.
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) { kept.append(value) }
}
