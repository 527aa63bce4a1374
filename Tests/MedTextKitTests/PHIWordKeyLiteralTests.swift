@testable import EntityRecognizer
import Testing

/// The rules' word keys (`K`) are literals so that reading one costs no lazy-global check; each must equal the
/// `wordKey` of its word, or the rule comparing with it silently never matches.
@Suite struct PHIWordKeyLiteralTests {
    @Test(arguments: [
        (K.a, "a"),
        (K.an, "an"),
        (K.`is`, "is"),
        (K.was, "was"),
        (K.up, "up"),
        (K.follow, "follow"),
        (K.he, "he"),
        (K.she, "she"),
        (K.user, "user"),
        (K.username, "username"),
        (K.dear, "dear"),
        (K.by, "by"),
        (K.on, "on"),
        (K.off, "off"),
        (K.march, "march"),
        (K.early, "early"),
        (K.late, "late"),
        (K.`in`, "in"),
        (K.at, "at"),
        (K.from, "from"),
        (K.near, "near"),
        (K.to, "to"),
        (K.of, "of"),
        (K.and, "and"),
        (K.with, "with"),
        (K.or, "or"),
        (K.yearOld, "year-old"),
        (K.yDotO, "y.o"),
        (K.may, "may"),
        (K.mid, "mid"),
        (K.now, "now"),
        (K.today, "today"),
        (K.birthday, "birthday"),
        (K.new, "new"),
        (K.year, "year"),
        (K.s, "s"),
        (K.apostropheS, "'s"),
        (K.no, "no"),
        (K.number, "number"),
        (K.dl, "dl"),
        (K.x, "x"),
        (K.mr, "mr"),
        (K.law, "law"),
        (K.visit, "visit"),
        (K.employer, "employer"),
        (K.workplace, "workplace"),
        (K.family, "family"),
        (K.household, "household"),
        (K.the, "the"),
        (K.via, "via"),
        (K.`for`, "for"),
        (K.age, "age"),
        (K.birth, "birth"),
        (K.en, "en"),
        (K.week, "week"),
        (K.acc, "acc"),
        (K.comes, "comes"),
        (K.came, "came"),
        (K.health, "health"),
        (K.`private`, "private"),
        (K.lab, "lab"),
        (K.pt, "pt"),
        (K.box, "box"),
        (K.lot, "lot"),
        (K.rural, "rural"),
        (K.act, "act"),
        (K.court, "court"),
        (K.courts, "courts"),
        (K.station, "station"),
        (K.base, "base"),
        (K.born, "born"),
        (K.do, "do"),
    ] as [(UInt64, String)])
    func literalIsTheWordKeyOfItsWord(_ key: UInt64, _ word: String) {
        #expect(key == wordKey(word), "\(word)")
    }

    /// Keys are lower-cased FNV-1a: a capitalised spelling has the same key (the rules compare token keys with them).
    @Test func keysIgnoreCase() {
        #expect(K.the == wordKey("The") && K.for == wordKey("FOR") && K.yDotO == wordKey("Y.O"))
    }
}
