using System.Security.Cryptography;

namespace Intake.Web.Organisation;

/// <summary>
/// Generated initial passphrases: six words from a fixed list of 256 short Swedish-and-English-neutral words
/// chosen uniformly with a CSPRNG (48 bits), joined by dashes, easy to read aloud and to type once.
/// </summary>
public static class GeneratedPassphrase
{
    private static readonly string[] _words =
    [
        "alba", "aldo", "alfa", "alma", "alto", "ambo", "amen", "ampel", "anka", "apel", "aria", "arko",
        "aska", "atom", "auto", "bagge", "bala", "bamba", "banan", "bark", "basun", "bete", "bild", "birk",
        "bjork", "blad", "blink", "blom", "boll", "bona", "borg", "bro", "bruk", "buske", "cello", "cirkus",
        "citron", "dal", "dans", "delfin", "dimma", "disk", "dopp", "drake", "droppe", "dun", "eka", "eld",
        "elva", "emalj", "enar", "epok", "fjord", "flagg", "flod", "fluga", "fors", "fyr", "gala", "gata",
        "gejser", "glas", "glimt", "gnista", "golf", "gran", "grus", "gurka", "hage", "hamn", "harpa", "hav",
        "hjort", "holme", "humla", "hydda", "igel", "iris", "istapp", "jade", "jolle", "jord", "juni", "kaja",
        "kajak", "kamel", "kanel", "kanot", "karta", "kasse", "kobolt", "kolibri", "komet", "kompass", "korp",
        "krona", "kula", "kust", "lampa", "lava", "lejon", "lilja", "linje", "lodjur", "lotus", "lucka",
        "lykta", "magnet", "mango", "marin", "mast", "melon", "meteor", "mil", "mina", "mjod", "moln", "mossa",
        "motor", "mulle", "myra", "nektar", "neon", "nova", "nyckel", "oas", "ocean", "okapi", "oliv", "onyx",
        "opal", "orkan", "oxel", "paddel", "palm", "panda", "pappa", "park", "pelikan", "peppar", "piano",
        "pil", "pingvin", "planet", "plym", "polka", "ponny", "prisma", "puma", "radar", "ramsa", "regn",
        "ren", "rosa", "rubin", "ruta", "rymd", "safir", "saga", "salvia", "sand", "segel", "silo", "sirap",
        "skog", "skutt", "sky", "slott", "snigel", "sol", "spira", "stam", "stjarna", "storm", "strand", "sula",
        "svan", "tacka", "tango", "tapir", "tiger", "timjan", "tinne", "topas", "torn", "tromb", "tulpan",
        "tunnel", "uggla", "ulme", "unika", "uran", "vaffla", "vagn", "val", "valnot", "vanilj", "varg",
        "vas", "vatten", "vigg", "vik", "villa", "vind", "viol", "vulkan", "yxa", "zebra", "zink", "zon",
        "abborre", "akvarell", "ananas", "ankare", "apelsin", "basalt", "bergart", "blixt", "bomull", "brygga",
        "dadel", "dyna", "ekorre", "fackla", "fasan", "fikon", "flamingo", "flinta", "gaffel", "geting", "glaciar",
        "granit", "hackspett", "hallon", "hassel", "hummer", "ingefara", "isbjorn", "jasmin", "kaktus", "kastanj",
        "klocka", "kvarts", "lakrits", "lavendel", "lemur", "mandel", "marmor", "murmel", "orkide", "ost",
        "papegoja", "pilgrim", "pistage", "porslin", "rabarber",
    ];

    public static string New(int words = 6)
    {
        var chosen = new string[words];
        for (var i = 0; i < words; i++)
        {
            chosen[i] = _words[RandomNumberGenerator.GetInt32(_words.Length)];
        }

        return string.Join('-', chosen);
    }

    internal static int WordCount => _words.Length;
}
