/// A compiled phrase matcher over interned token ids: a trie built once by a
/// ``PhraseMatcher/Builder`` and frozen into flat arrays with integer indices.
/// Immutable and cheap to share across threads.
///
/// Semantics: **leftmost-longest**. Scanning left to right, at each position the longest
/// phrase that starts there wins; the scan resumes after it, so matches never overlap.
/// Ties (several payloads for the same phrase) keep every payload, in insertion order.
/// Because phrases are sequences of whole tokens, matches always lie on token boundaries
/// ("pain" never matches inside "Spain").
public struct PhraseMatcher: Sendable, Equatable {
    /// A match: the token index range in the searched key sequence and the payloads
    /// of the matched phrase.
    public struct Match: Hashable, Sendable {
        public var tokens: Range<Int>
        public var payloads: ArraySlice<UInt32>
    }

    // Trie nodes 0..<nodeCount; node 0 is the root.
    let edgeStart: [Int32]  // per node: first edge index; edgeStart[nodeCount] = edges
    let edgeLabel: [UInt32]  // per edge: token id, sorted within a node
    let edgeTarget: [Int32]  // per edge: child node
    let payloadStart: [Int32]  // per node: first payload; payloadStart[nodeCount] = payloads
    let payloads: [UInt32]
    let maxDepth: Int
    /// The root's children by label (-1: none), for labels below its count: the root has
    /// thousands of edges and most tokens start no phrase, so the first step is one load.
    let rootChild: [Int32]

    /// Number of phrases (distinct token sequences) in the matcher.
    public let phraseCount: Int

    /// Collects phrases, then freezes them.
    public struct Builder: Sendable {
        private var children: [[UInt32: Int32]] = [[:]]
        private var nodePayloads: [[UInt32]] = [[]]
        private var depth = 0

        public init() {}

        /// Adds a phrase (a sequence of token ids, none of them `0`) with a payload.
        /// Adding the same phrase again appends another payload (duplicates are ignored).
        public mutating func add(_ phrase: [UInt32], payload: UInt32) {
            guard !phrase.isEmpty else { return }
            var node: Int32 = 0
            for id in phrase {
                precondition(id != TokenDictionary.unknown, "phrases cannot contain the unknown token id")
                if let next = children[Int(node)][id] {
                    node = next
                } else {
                    let next = Int32(children.count)
                    children.append([:])
                    nodePayloads.append([])
                    children[Int(node)][id] = next
                    node = next
                }
            }
            if !nodePayloads[Int(node)].contains(payload) { nodePayloads[Int(node)].append(payload) }
            depth = max(depth, phrase.count)
        }

        /// Freezes the trie into flat arrays.
        /// - Complexity: O(total edges × log(fan-out))
        public func build() -> PhraseMatcher {
            var edgeStart: [Int32] = [], edgeLabel: [UInt32] = [], edgeTarget: [Int32] = []
            var payloadStart: [Int32] = [], payloads: [UInt32] = []
            edgeStart.reserveCapacity(children.count + 1)
            var phrases = 0
            for node in 0..<children.count {
                edgeStart.append(Int32(edgeLabel.count))
                for (label, target) in children[node].sorted(by: { $0.key < $1.key }) {
                    edgeLabel.append(label)
                    edgeTarget.append(target)
                }
                payloadStart.append(Int32(payloads.count))
                payloads.append(contentsOf: nodePayloads[node])
                if !nodePayloads[node].isEmpty { phrases += 1 }
            }
            edgeStart.append(Int32(edgeLabel.count))
            payloadStart.append(Int32(payloads.count))
            return PhraseMatcher(
                edgeStart: edgeStart, edgeLabel: edgeLabel, edgeTarget: edgeTarget,
                payloadStart: payloadStart, payloads: payloads, maxDepth: depth, phraseCount: phrases)
        }
    }

    /// The matcher of an image's arrays (see ``CompiledLexicon``); `nil` when they do not form a
    /// trie whose indices stay in range (so a damaged image can never index out of bounds).
    init?(
        validatingEdgeStart edgeStart: [Int32], edgeLabel: [UInt32], edgeTarget: [Int32], payloadStart: [Int32],
        payloads: [UInt32], maxDepth: Int, phraseCount: Int, payloadLimit: Int, labelLimit: Int
    ) {
        let nodes = edgeStart.count - 1
        guard nodes >= 1, payloadStart.count == nodes + 1, edgeLabel.count == edgeTarget.count, maxDepth >= 0,
              edgeStart[0] == 0, Int(edgeStart[nodes]) == edgeLabel.count,
              payloadStart[0] == 0, Int(payloadStart[nodes]) == payloads.count else { return nil }
        for n in 0..<nodes where edgeStart[n + 1] < edgeStart[n] || payloadStart[n + 1] < payloadStart[n] { return nil }
        // Labels strictly ascending within each node (binary search and the root table rely on it).
        for n in 0..<nodes where edgeStart[n + 1] - edgeStart[n] > 1 {
            for e in Int(edgeStart[n]) + 1..<Int(edgeStart[n + 1]) where edgeLabel[e] <= edgeLabel[e - 1] { return nil }
        }
        for t in edgeTarget where t <= 0 || Int(t) >= nodes { return nil }
        // Labels are token ids (the root's direct table is sized by its largest label).
        for l in edgeLabel where l == 0 || Int(l) > labelLimit { return nil }
        for p in payloads where Int(p) >= payloadLimit { return nil }
        self.init(
            edgeStart: edgeStart, edgeLabel: edgeLabel, edgeTarget: edgeTarget, payloadStart: payloadStart, payloads: payloads,
            maxDepth: maxDepth, phraseCount: phraseCount)
    }

    private init(
        edgeStart: [Int32], edgeLabel: [UInt32], edgeTarget: [Int32], payloadStart: [Int32], payloads: [UInt32],
        maxDepth: Int, phraseCount: Int
    ) {
        self.edgeStart = edgeStart
        self.edgeLabel = edgeLabel
        self.edgeTarget = edgeTarget
        self.payloadStart = payloadStart
        self.payloads = payloads
        self.maxDepth = maxDepth
        self.phraseCount = phraseCount
        var root = [Int32](repeating: -1, count: Int(edgeStart.count > 1 ? (edgeLabel[Int(edgeStart[0])..<Int(edgeStart[1])].last ?? 0) : 0) + 1)
        if edgeStart.count > 1 {
            for e in Int(edgeStart[0])..<Int(edgeStart[1]) { root[Int(edgeLabel[e])] = edgeTarget[e] }
        }
        self.rootChild = root
    }

    /// The child of `node` along `label`, or -1.
    @inline(__always)
    private func child(_ node: Int, _ label: UInt32) -> Int {
        var lo = Int(edgeStart[node]), hi = Int(edgeStart[node + 1])
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            let l = edgeLabel[mid]
            if l == label { return Int(edgeTarget[mid]) }
            if l < label { lo = mid + 1 } else { hi = mid }
        }
        return -1
    }

    /// The longest phrase starting at `start`, if any.
    /// - Complexity: O(phrase length × log(fan-out))
    public func longestMatch(in keys: UnsafeBufferPointer<UInt32>, at start: Int) -> Match? {
        var node = 0
        var best: (end: Int, node: Int)? = nil
        var i = start
        while i < keys.count {
            let id = keys[i]
            if id == TokenDictionary.unknown { break }
            let next = child(node, id)
            if next < 0 { break }
            node = next
            i += 1
            if payloadStart[node] != payloadStart[node + 1] { best = (i, node) }
        }
        guard let b = best else { return nil }
        return Match(tokens: start..<b.end, payloads: payloads[Int(payloadStart[b.node])..<Int(payloadStart[b.node + 1])])
    }

    /// Every phrase that starts at `start` (all lengths), shortest first. For callers that
    /// resolve overlaps themselves.
    public func allMatches(in keys: UnsafeBufferPointer<UInt32>, at start: Int) -> [Match] {
        var found: [Hit] = []
        hits(in: keys, at: start, into: &found)
        return found.map { Match(tokens: start..<$0.end, payloads: payloads[Int(payloadStart[$0.node])..<Int(payloadStart[$0.node + 1])]) }
    }

    /// Every phrase starting at `start`, shortest first, where each position may match either
    /// its key or its alternate key (e.g. a number token's literal id or a `{n}` placeholder id).
    /// Both the literal and the alternate key are followed (depth-first), literal first.
    public func allMatches(in keys: UnsafeBufferPointer<UInt32>, alternates: UnsafeBufferPointer<UInt32>, at start: Int) -> [Match] {
        // Depth-first over both choices at each position (phrases are short, so the search is tiny).
        var out: [Match] = []
        func walk(_ node: Int, _ i: Int) {
            if i > start && payloadStart[node] != payloadStart[node + 1] {
                out.append(Match(tokens: start..<i, payloads: payloads[Int(payloadStart[node])..<Int(payloadStart[node + 1])]))
            }
            guard i < keys.count else { return }
            let k = keys[i], a = alternates[i]
            if k != TokenDictionary.unknown {
                let next = child(node, k)
                if next >= 0 { walk(next, i + 1) }
            }
            if a != TokenDictionary.unknown && a != k {
                let next = child(node, a)
                if next >= 0 { walk(next, i + 1) }
            }
        }
        walk(0, start)
        // Shortest first; for equal lengths keep the literal path's payloads first.
        // (the depth-first walk found the literal path first; the index makes the sort stable).
        return out.enumerated().sorted { ($0.element.tokens.upperBound, $0.offset) < ($1.element.tokens.upperBound, $1.offset) }.map(\.element)
    }

    /// Leftmost-longest, non-overlapping matches over a key sequence.
    /// - Complexity: O(n × d) where d is the longest phrase that partially matches.
    public func matches(in keys: [UInt32]) -> [Match] {
        keys.withUnsafeBufferPointer { buf in
            var out: [Match] = []
            var i = 0
            while i < buf.count {
                if let m = longestMatch(in: buf, at: i) {
                    out.append(m)
                    i = m.tokens.upperBound
                } else {
                    i += 1
                }
            }
            return out
        }
    }

    // MARK: Allocation-free matching (hot paths)

    /// A phrase found without allocating: where it ends (exclusive key index) and its trie node,
    /// whose payloads are ``payloadRange(of:)``.
    struct Hit: Sendable {
        var end: Int
        var node: Int
    }

    /// Number of trie nodes (node ids are `0..<nodeCount`; the root is 0).
    var nodeCount: Int { payloadStart.count - 1 }

    /// Indices into the payload table of a hit's node (read them with ``payload(at:)``).
    @inline(__always)
    func payloadRange(of node: Int) -> Range<Int> { Int(payloadStart[node])..<Int(payloadStart[node + 1]) }

    @inline(__always)
    func payload(at index: Int) -> UInt32 { payloads[index] }

    /// The payloads of a node as a slice (what ``Match`` carries).
    func payloadSlice(of node: Int) -> ArraySlice<UInt32> { payloads[payloadRange(of: node)] }

    /// The child of `node` along `label`, or -1; the root through its direct table.
    @inline(__always)
    private func step(_ node: Int, _ label: UInt32) -> Int {
        if node == 0 { return Int(label) < rootChild.count ? Int(rootChild[Int(label)]) : -1 }
        return child(node, label)
    }

    /// Whether some phrase starts with `label` (one array load).
    @inline(__always)
    func startsPhrase(_ label: UInt32) -> Bool { Int(label) < rootChild.count && rootChild[Int(label)] >= 0 }

    /// What ``allMatches(in:at:)`` returns, shortest first, written into `out` (emptied first,
    /// its capacity kept): no allocation once `out` has grown.
    func hits(in keys: UnsafeBufferPointer<UInt32>, at start: Int, into out: inout [Hit]) {
        out.removeAll(keepingCapacity: true)
        var node = 0
        var i = start
        while i < keys.count {
            let id = keys[i]
            if id == TokenDictionary.unknown { break }
            let next = step(node, id)
            if next < 0 { break }
            node = next
            i += 1
            if payloadStart[node] != payloadStart[node + 1] { out.append(Hit(end: i, node: node)) }
        }
    }

    /// What ``allMatches(in:alternates:at:)`` returns (shortest first; among equal lengths in
    /// depth-first order, literal path first), written into `out` (emptied first).
    func hits(in keys: UnsafeBufferPointer<UInt32>, alternates: UnsafeBufferPointer<UInt32>, at start: Int, into out: inout [Hit]) {
        out.removeAll(keepingCapacity: true)
        guard start < keys.count else { return }
        let k0 = keys[start], a0 = alternates[start]
        guard (k0 != TokenDictionary.unknown && startsPhrase(k0)) || (a0 != TokenDictionary.unknown && startsPhrase(a0)) else { return }
        func walk(_ node: Int, _ i: Int, _ out: inout [Hit]) {
            if i > start && payloadStart[node] != payloadStart[node + 1] { out.append(Hit(end: i, node: node)) }
            guard i < keys.count else { return }
            let k = keys[i], a = alternates[i]
            if k != TokenDictionary.unknown {
                let next = step(node, k)
                if next >= 0 { walk(next, i + 1, &out) }
            }
            if a != TokenDictionary.unknown && a != k {
                let next = step(node, a)
                if next >= 0 { walk(next, i + 1, &out) }
            }
        }
        walk(0, start, &out)
        // Stable insertion sort by end (the lists are a few entries long).
        if out.count > 1 {
            for j in 1..<out.count {
                let h = out[j]
                var m = j
                while m > 0 && out[m - 1].end > h.end {
                    out[m] = out[m - 1]
                    m -= 1
                }
                out[m] = h
            }
        }
    }
}
