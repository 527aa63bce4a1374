/// Runs a transform over a stream on several workers and hands the results back strictly in
/// input order, with bounded memory.
///
/// - At most `jobs` transforms run at once (`jobs` = 1 runs them one after another).
/// - At most `window` items are in flight (read but not yet emitted, running or finished and
///   waiting for an earlier item) and, beyond the first, at most `maxCostInFlight` units of
///   cost (input bytes): a slow item never lets an unbounded backlog pile up behind it.
/// - `next` and `emit` run on the calling task only, one call at a time; only `transform`
///   runs concurrently. Because every result depends only on its input, output is the same
///   for any `jobs`.
public struct OrderedExecutor: Sendable {
    public var jobs: Int
    public var window: Int
    public var maxCostInFlight: Int

    public init(jobs: Int, window: Int? = nil, maxCostInFlight: Int = 64 << 20) {
        self.jobs = max(1, jobs)
        self.window = max(self.jobs, window ?? self.jobs * 8)
        self.maxCostInFlight = max(1, maxCostInFlight)
    }

    /// Reads items with `next` (nil ends the stream; a throw stops everything and is
    /// rethrown after running transforms finish), transforms them, emits results in order.
    public func run<Input: Sendable, Output: Sendable>(
        next: () throws -> (input: Input, cost: Int)?,
        transform: @escaping @Sendable (Input) -> Output,
        emit: (Output) throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            var issued = 0
            var written = 0
            var running = 0
            var cost = 0
            var costs: [Int: Int] = [:]
            var done: [Int: Output] = [:]
            var exhausted = false
            while true {
                while !exhausted, running < jobs, issued - written < window, cost < maxCostInFlight || issued == written {
                    guard let item = try next() else {
                        exhausted = true
                        break
                    }
                    let index = issued
                    issued += 1
                    running += 1
                    cost += item.cost
                    costs[index] = item.cost
                    let input = item.input
                    group.addTask { (index, transform(input)) }
                }
                guard running > 0, let (index, output) = try await group.next() else { break }
                running -= 1
                done[index] = output
                while let o = done.removeValue(forKey: written) {
                    try emit(o)
                    cost -= costs.removeValue(forKey: written) ?? 0
                    written += 1
                }
            }
        }
    }
}
