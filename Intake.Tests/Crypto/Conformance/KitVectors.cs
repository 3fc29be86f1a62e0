using System.Text;

namespace Intake.Tests.Crypto.Conformance;

/// <summary>
/// Definitions of the project's own test-kit files (Intake.Tests/Crypto/testkit/), one per
/// scenario, in the spirit of the C2SP CCTV age vectors. Regenerate with
/// INTAKE_WRITE_TESTKIT=1 (see TestKitGenerationTests).
/// </summary>
internal static class KitVectors
{
    private static readonly byte[] _id = KitFileBuilder.TestX25519Identity;

    public static IReadOnlyDictionary<string, Func<byte[]>> All { get; } = Build();

    private static Dictionary<string, Func<byte[]>> Build()
    {
        Dictionary<string, Func<byte[]>> v = new(StringComparer.Ordinal);
        AddSuccess(v);
        AddHeaderFailures(v);
        AddStanzaFailures(v);
        AddNoMatch(v);
        AddHmac(v);
        AddPayload(v);
        AddArmor(v);
        return v;
    }

    private static KitFileBuilder Basic(Action<KitFileBuilder>? afterStanza = null)
    {
        KitFileBuilder f = new();
        f.VersionLine("v1");
        f.X25519(_id);
        afterStanza?.Invoke(f);
        return f;
    }

    private static byte[] Simple(Action<KitFileBuilder>? afterStanza = null, Action<KitFileBuilder>? expect = null, string payload = "age")
    {
        KitFileBuilder f = Basic(afterStanza);
        f.Hmac();
        f.Payload(payload);
        expect?.Invoke(f);
        return f.Generate();
    }

    private static byte[] Large(Action<KitFileBuilder> chunks, bool compress = true)
    {
        KitFileBuilder f = new();
        f.FileKey(KitFileBuilder.LargeTestFileKey);
        f.VersionLine("v1");
        f.X25519(_id);
        f.Hmac();
        f.Nonce(KitFileBuilder.LargeTestNonce);
        if (compress)
        {
            f.Compress();
        }

        chunks(f);
        return f.Generate();
    }

    private static byte[] Chunk(byte value) => Enumerable.Repeat(value, 64 * 1024).ToArray();

    private static void AddSuccess(Dictionary<string, Func<byte[]>> v)
    {
        v["x25519"] = () => Simple();
        v["x25519_multiple_recipients"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.X25519NoRecordIdentity(f.Rand(32));
            f.X25519(_id);
            f.Hmac();
            f.Payload("age");
            return f.Generate();
        };
        v["x25519_grease"] = () => Simple(f =>
        {
            f.ArgsLine("grease-%5$", "a", "b=");
            f.Body(f.Rand(100));
        });
        v["stanza_empty_body"] = () => Simple(f =>
        {
            f.ArgsLine("empty");
            f.Body([]);
        });
        v["stanza_body_full_last_line"] = () => Simple(f =>
        {
            f.ArgsLine("full");
            f.Body(f.Rand(96));
        });
        v["stanza_valid_characters"] = () => Simple(f =>
        {
            f.ArgsLine("!\"#$%&'()*+,-./0123456789:;<=>?@", "ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");
            f.Body([]);
        });
        v["stream_empty_payload"] = () => Simple(payload: string.Empty);
        v["stream_last_chunk_full"] = () => Large(f => f.PayloadChunkFinal(Chunk(0)));
        v["stream_two_chunks"] = () => Large(f =>
        {
            f.PayloadChunk(Chunk(0));
            f.PayloadChunkFinal(Encoding.ASCII.GetBytes("age"));
        });
        v["stream_two_chunks_full"] = () => Large(f =>
        {
            f.PayloadChunk(Chunk(0));
            f.PayloadChunkFinal(Chunk(1));
        });
        v["stream_three_chunks"] = () => Large(f =>
        {
            f.PayloadChunk(Chunk(0));
            f.PayloadChunk(Chunk(1));
            f.PayloadChunkFinal(Encoding.ASCII.GetBytes("age"));
        });
        v["scrypt"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.Scrypt("password", 10);
            f.Hmac();
            f.Payload("age");
            return f.Generate();
        };
        v["scrypt_work_factor_cap"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.Scrypt("password", 12);
            f.Hmac();
            f.Payload("age");
            f.Comment("a work factor under the cap of 22 is accepted");
            return f.Generate();
        };
    }

    private static void AddHeaderFailures(Dictionary<string, Func<byte[]>> v)
    {
        v["version_unsupported"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v2");
            f.X25519(_id);
            f.Hmac();
            f.Payload("age");
            f.ExpectHeaderFailure();
            return f.Generate();
        };
        v["version_missing"] = () =>
        {
            KitFileBuilder f = new();
            f.X25519(_id);
            f.Hmac();
            f.Payload("age");
            f.ExpectHeaderFailure();
            return f.Generate();
        };
        v["header_crlf"] = () =>
        {
            KitFileBuilder f = new();
            f.Raw("age-encryption.org/v1\r\n");
            f.X25519(_id);
            f.Hmac();
            f.Payload("age");
            f.ExpectHeaderFailure();
            return f.Generate();
        };
        v["header_no_stanzas"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.Hmac();
            f.Payload("age");
            f.ExpectHeaderFailure();
            return f.Generate();
        };
        v["header_truncated"] = () =>
        {
            KitFileBuilder f = Basic();
            f.ExpectHeaderFailure();
            return f.Generate();
        };
        v["hmac_missing"] = () => Simple(expect: f => f.ExpectHeaderFailure(), afterStanza: f => f.TextLine("---"));
        v["hmac_no_space"] = () => MacLine(line => "---" + line[4..]);
        v["hmac_extra_space"] = () => MacLine(line => "--- " + line[3..]);
        v["hmac_trailing_space"] = () => MacLine(line => line + " ");
        v["hmac_garbage"] = () => MacLine(line => line + "AAA");
        v["hmac_truncated"] = () => MacLine(line => line[..8]);
        v["hmac_not_canonical"] = () => MacLine(KitFileBuilder.NotCanonicalBase64);
        v["hmac_padding"] = () => MacLine(line => line + "=");
    }

    private static byte[] MacLine(Func<string, string> change)
    {
        KitFileBuilder f = Basic();
        f.Hmac();
        f.TextLine(change(f.UnreadLine()));
        f.Payload("age");
        f.ExpectHeaderFailure();
        return f.Generate();
    }

    private static void AddStanzaFailures(Dictionary<string, Func<byte[]>> v)
    {
        v["stanza_bad_start"] = () => Simple(f => f.TextLine("-- stanza"), f => f.ExpectHeaderFailure());
        v["stanza_spurious_cr"] = () => Simple(f =>
        {
            f.ArgsLine("stanza");
            f.Raw("\r\n");
        }, f => f.ExpectHeaderFailure());
        v["stanza_no_arguments"] = () => Simple(f =>
        {
            f.TextLine("->");
            f.Body([]);
        }, f => f.ExpectHeaderFailure());
        v["stanza_empty_argument"] = () => Simple(f =>
        {
            f.ArgsLine("stanza", string.Empty, "b");
            f.Body([]);
        }, f => f.ExpectHeaderFailure());
        v["stanza_trailing_space"] = () => Simple(f =>
        {
            f.TextLine("-> stanza ");
            f.Body([]);
        }, f => f.ExpectHeaderFailure());
        v["stanza_invalid_character"] = () => Simple(f =>
        {
            f.ArgsLine("stanza", "é");
            f.Body([]);
        }, f => f.ExpectHeaderFailure());
        v["stanza_long_line"] = () => Simple(f =>
        {
            f.ArgsLine("stanza");
            f.TextLine(new string('A', 68));
        }, f => f.ExpectHeaderFailure());
        v["stanza_missing_body"] = () => Simple(f => f.ArgsLine("stanza"), f => f.ExpectHeaderFailure());
        v["stanza_missing_final_line"] = () => Simple(f =>
        {
            f.ArgsLine("stanza");
            f.TextLine(new string('A', 64));
        }, f => f.ExpectHeaderFailure());
        v["stanza_multiple_short_lines"] = () => Simple(f =>
        {
            f.ArgsLine("stanza");
            f.TextLine(new string('A', 32));
            f.TextLine(new string('A', 32));
        }, f => f.ExpectHeaderFailure());
        v["stanza_base64_padding"] = () => Simple(f =>
        {
            f.ArgsLine("stanza");
            f.Body(Enumerable.Repeat((byte)'A', 50).ToArray());
            f.TextLine(f.UnreadLine() + "=");
        }, f => f.ExpectHeaderFailure());
        v["stanza_not_canonical"] = () => Simple(f =>
        {
            f.ArgsLine("stanza");
            f.TextLine(KitFileBuilder.NotCanonicalBase64(KitFileBuilder.B64(Enumerable.Repeat((byte)'A', 50).ToArray())));
        }, f => f.ExpectHeaderFailure());
        v["x25519_extra_argument"] = () => X25519Args(a => [.. a, "extra"]);
        v["x25519_missing_share"] = () => X25519Args(a => [a[0]]);
        v["x25519_short_share"] = () => X25519Args(a => [a[0], a[1][..^4]]);
        v["x25519_long_share"] = () => X25519Args(a => [a[0], a[1] + "AAAA"]);
        v["x25519_not_canonical_share"] = () => X25519Args(a => [a[0], KitFileBuilder.NotCanonicalBase64(a[1])]);
        v["x25519_not_canonical_body"] = () => Simple(f => f.TextLine(KitFileBuilder.NotCanonicalBase64(f.UnreadLine())), f => f.ExpectHeaderFailure());
        v["x25519_low_order"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.X25519RecordIdentity(_id);
            f.X25519Stanza(new byte[32], _id);
            f.Hmac();
            f.Payload("age");
            f.ExpectHeaderFailure();
            f.Comment("the shared secret is all zero: the identity must abort");
            return f.Generate();
        };
        v["x25519_long_file_key"] = () =>
        {
            KitFileBuilder f = new();
            f.FileKey(Encoding.ASCII.GetBytes("A LONGER YELLOW SUBMARINE"));
            f.VersionLine("v1");
            f.X25519(_id);
            f.Hmac();
            f.Payload("age");
            f.ExpectHeaderFailure();
            f.Comment("the body must be exactly 32 bytes before it is decrypted");
            return f.Generate();
        };
        v["scrypt_and_x25519"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.X25519RecordIdentity(f.Rand(32));
            f.X25519NoRecordIdentity(_id);
            f.Scrypt("password", 10);
            f.Hmac();
            f.Payload("age");
            f.ExpectHeaderFailure();
            f.Comment("scrypt stanzas must be alone in the header");
            return f.Generate();
        };
        v["scrypt_double"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.Scrypt("password", 10);
            f.ScryptNoRecordPassphrase("hunter2", 10);
            f.Hmac();
            f.Payload("age");
            f.ExpectHeaderFailure();
            return f.Generate();
        };
        v["scrypt_extra_argument"] = () => ScryptArgs(a => [.. a, "x"]);
        v["scrypt_salt_missing"] = () => ScryptArgs(a => [a[0], a[2]]);
        v["scrypt_salt_short"] = () => ScryptArgs(a => [a[0], a[1][..^4], a[2]]);
        v["scrypt_salt_long"] = () => ScryptArgs(a => [a[0], a[1] + "AAAA", a[2]]);
        v["scrypt_not_canonical_salt"] = () => ScryptArgs(a => [a[0], KitFileBuilder.NotCanonicalBase64(a[1]), a[2]]);
        v["scrypt_work_factor_missing"] = () => ScryptArgs(a => [a[0], a[1]]);
        v["scrypt_work_factor_zero"] = () => ScryptArgs(a => [a[0], a[1], "0"]);
        v["scrypt_work_factor_negative"] = () => ScryptArgs(a => [a[0], a[1], "-10"]);
        v["scrypt_work_factor_leading_zero"] = () => ScryptArgs(a => [a[0], a[1], "010"]);
        v["scrypt_work_factor_leading_plus"] = () => ScryptArgs(a => [a[0], a[1], "+10"]);
        v["scrypt_work_factor_hex"] = () => ScryptArgs(a => [a[0], a[1], "0xa"]);
        v["scrypt_work_factor_trailing_garbage"] = () => ScryptArgs(a => [a[0], a[1], "10x"]);
        v["scrypt_work_factor_overflow"] = () => ScryptArgs(a => [a[0], a[1], "4294967306"]);
        v["scrypt_work_factor_23"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.ScryptRecordPassphrase("password");
            f.ArgsLine("scrypt", KitFileBuilder.B64(f.Rand(16)), "23");
            f.TextLine(KitFileBuilder.B64(f.Rand(32)));
            f.Hmac();
            f.Payload("age");
            f.ExpectHeaderFailure();
            f.Comment("work factor above the cap of 22: rejected before any scrypt work");
            return f.Generate();
        };
        v["scrypt_long_file_key"] = () =>
        {
            KitFileBuilder f = new();
            f.FileKey(Encoding.ASCII.GetBytes("A LONGER YELLOW SUBMARINE"));
            f.VersionLine("v1");
            f.Scrypt("password", 10);
            f.Hmac();
            f.Payload("age");
            f.ExpectHeaderFailure();
            return f.Generate();
        };
    }

    private static byte[] X25519Args(Func<string[], string[]> change)
    {
        KitFileBuilder f = Basic();
        string body = f.UnreadLine();
        string[] args = f.UnreadArgsLine();
        f.ArgsLine(change(args));
        f.TextLine(body);
        f.Hmac();
        f.Payload("age");
        f.ExpectHeaderFailure();
        return f.Generate();
    }

    private static byte[] ScryptArgs(Func<string[], string[]> change)
    {
        KitFileBuilder f = new();
        f.VersionLine("v1");
        f.Scrypt("password", 10);
        string body = f.UnreadLine();
        string[] args = f.UnreadArgsLine();
        f.ArgsLine(change(args));
        f.TextLine(body);
        f.Hmac();
        f.Payload("age");
        f.ExpectHeaderFailure();
        return f.Generate();
    }

    private static void AddNoMatch(Dictionary<string, Func<byte[]>> v)
    {
        v["x25519_no_match"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.X25519RecordIdentity(f.Rand(32));
            f.X25519NoRecordIdentity(_id);
            f.Hmac();
            f.Payload("age");
            f.ExpectNoMatch();
            return f.Generate();
        };
        v["x25519_lowercase"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.X25519RecordIdentity(_id);
            f.X25519Stanza(KitFileBuilder.X25519(f.Rand(32), KitFileBuilder.Basepoint), _id, "x25519");
            f.Hmac();
            f.Payload("age");
            f.ExpectNoMatch();
            f.Comment("stanza types are case-sensitive: an \"x25519\" stanza is unknown and ignored");
            return f.Generate();
        };
        v["x25519_bad_tag"] = () => Simple(f =>
        {
            byte[] body = Convert.FromBase64String(f.UnreadLine() + "=");
            body[^1] ^= 0xff;
            f.TextLine(KitFileBuilder.B64(body));
        }, f => f.ExpectNoMatch());
        v["scrypt_no_match"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.ScryptRecordPassphrase("wrong passphrase");
            f.ScryptNoRecordPassphrase("password", 10);
            f.Hmac();
            f.Payload("age");
            f.ExpectNoMatch();
            return f.Generate();
        };
        v["scrypt_bad_tag"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.Scrypt("password", 10);
            byte[] body = Convert.FromBase64String(f.UnreadLine() + "=");
            body[^1] ^= 0xff;
            f.TextLine(KitFileBuilder.B64(body));
            f.Hmac();
            f.Payload("age");
            f.ExpectNoMatch();
            return f.Generate();
        };
        v["scrypt_uppercase"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.Scrypt("password", 10);
            string body = f.UnreadLine();
            string[] args = f.UnreadArgsLine();
            f.ArgsLine("Scrypt", args[1], args[2]);
            f.TextLine(body);
            f.Hmac();
            f.Payload("age");
            f.ExpectNoMatch();
            return f.Generate();
        };
        v["unknown_stanza_only"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.X25519RecordIdentity(_id);
            f.ArgsLine("example.com/enigma", "abc");
            f.Body(f.Rand(32));
            f.Hmac();
            f.Payload("age");
            f.ExpectNoMatch();
            return f.Generate();
        };
    }

    private static void AddHmac(Dictionary<string, Func<byte[]>> v)
    {
        v["hmac_bad"] = () =>
        {
            KitFileBuilder f = Basic();
            f.HmacLine(f.Rand(32));
            f.Payload("age");
            f.ExpectHmacFailure();
            return f.Generate();
        };
        v["hmac_grease_changed"] = () =>
        {
            KitFileBuilder f = Basic(g =>
            {
                g.ArgsLine("grease", "one");
                g.Body([]);
            });
            f.Hmac();
            byte[] file = f.TakeBytes();
            string text = Encoding.ASCII.GetString(file);
            f.Buf.Write(Encoding.ASCII.GetBytes(text.Replace("-> grease one", "-> grease two", StringComparison.Ordinal)));
            f.Payload("age");
            f.ExpectHmacFailure();
            f.Comment("an unknown stanza was altered after the MAC was computed");
            return f.Generate();
        };
    }

    private static void AddPayload(Dictionary<string, Func<byte[]>> v)
    {
        v["stream_bad_tag"] = () =>
        {
            KitFileBuilder f = Basic();
            f.Hmac();
            f.Payload("age");
            byte[] file = f.TakeBytes();
            file[^1] ^= 0xff;
            f.Buf.Write(file);
            f.ExpectPayloadFailure();
            return f.Generate();
        };
        v["stream_bad_tag_second_chunk"] = () => Large(f =>
        {
            f.PayloadChunk(Chunk(0));
            f.PayloadChunkFinal(Encoding.ASCII.GetBytes("age"));
            byte[] file = f.TakeBytes();
            file[^1] ^= 0xff;
            f.Buf.Write(file);
            f.ExpectPartialPayload(64 * 1024);
        });
        v["stream_bad_tag_second_chunk_full"] = () => Large(f =>
        {
            f.PayloadChunk(Chunk(0));
            f.PayloadChunkFinal(Chunk(1));
            byte[] file = f.TakeBytes();
            file[^1] ^= 0xff;
            f.Buf.Write(file);
            f.ExpectPartialPayload(64 * 1024);
        });
        v["stream_last_chunk_empty"] = () => Large(f =>
        {
            f.PayloadChunk(Chunk(0));
            f.PayloadChunkFinal([]);
            f.ExpectPartialPayload(64 * 1024);
            f.Comment("final STREAM chunk can't be empty unless whole payload is empty");
        });
        v["stream_missing_tag"] = () =>
        {
            KitFileBuilder f = Basic();
            f.Hmac();
            f.Payload("age");
            byte[] file = f.TakeBytes();
            f.Buf.Write(file.AsSpan(0, file.Length - 16));
            f.ExpectPayloadFailure();
            return f.Generate();
        };
        v["stream_no_chunks"] = () =>
        {
            KitFileBuilder f = Basic();
            f.Hmac();
            f.Nonce(f.Rand(16));
            f.ExpectPayloadFailure();
            return f.Generate();
        };
        v["stream_no_nonce"] = () =>
        {
            KitFileBuilder f = Basic();
            f.Hmac();
            f.ExpectHeaderFailure();
            f.Comment("the file ends before the 16-byte payload nonce");
            return f.Generate();
        };
        v["stream_short_nonce"] = () =>
        {
            KitFileBuilder f = Basic();
            f.Hmac();
            f.Buf.Write(f.Rand(12));
            f.ExpectHeaderFailure();
            f.Comment("the file ends before the 16-byte payload nonce");
            return f.Generate();
        };
        v["stream_short_chunk"] = () =>
        {
            KitFileBuilder f = Basic();
            f.Hmac();
            f.Nonce(f.Rand(16));
            f.Buf.Write(f.Rand(12));
            f.ExpectPayloadFailure();
            f.Comment("less than the length of a Poly1305 tag");
            return f.Generate();
        };
        v["stream_no_final"] = () =>
        {
            KitFileBuilder f = Basic();
            f.Hmac();
            f.Nonce(f.Rand(16));
            f.PayloadChunk(Encoding.ASCII.GetBytes("age"));
            f.ExpectPayloadFailure();
            return f.Generate();
        };
        v["stream_no_final_full"] = () => Large(f =>
        {
            f.PayloadChunk(Chunk(0));
            f.ExpectPartialPayload(64 * 1024);
        });
        v["stream_no_final_two_chunks_full"] = () => Large(f =>
        {
            f.PayloadChunk(Chunk(0));
            f.PayloadChunk(Chunk(1));
            f.ExpectPartialPayload(128 * 1024);
        });
        v["stream_trailing_garbage_short"] = () => Large(f =>
        {
            f.PayloadChunkFinal(Chunk(0));
            f.Buf.Write(f.Rand(12));
            f.ExpectPartialPayload(64 * 1024);
        });
        v["stream_trailing_garbage_long"] = () => Large(f =>
        {
            f.PayloadChunkFinal(Chunk(0));
            f.Buf.Write(f.Rand(20));
            f.ExpectPartialPayload(64 * 1024);
        });
        v["stream_two_final_chunks"] = () =>
        {
            KitFileBuilder f = Basic();
            f.Hmac();
            f.Nonce(f.Rand(16));
            f.PayloadChunkFinal(Encoding.ASCII.GetBytes("age"));
            f.PayloadChunkFinal(Encoding.ASCII.GetBytes("age"));
            f.ExpectPayloadFailure();
            return f.Generate();
        };
        v["armor_garbage_encoded"] = () =>
        {
            KitFileBuilder f = new();
            f.FileKey(KitFileBuilder.LargeTestFileKey);
            f.VersionLine("v1");
            f.X25519(_id);
            f.Hmac();
            f.Nonce(KitFileBuilder.LargeTestNonce);
            f.PayloadChunkFinal(Chunk(0));
            f.Buf.Write(f.Rand(20));
            f.ExpectPartialPayload(64 * 1024);
            Armor(f, f.TakeBytes());
            f.Compress();
            f.Comment("there is trailing garbage encoded after the final chunk");
            return f.Generate();
        };
    }

    private static void Armor(KitFileBuilder f, byte[] file)
    {
        f.BeginArmor();
        f.Body(file);
        f.Base64Padding();
        f.EndArmor();
    }

    private static byte[] Armored(Action<KitFileBuilder, byte[]> write, bool fail = true, string payload = "age")
    {
        KitFileBuilder f = new();
        f.VersionLine("v1");
        f.X25519(_id);
        f.Hmac();
        f.Payload(payload);
        byte[] file = f.TakeBytes();
        write(f, file);
        if (fail)
        {
            f.ExpectArmorFailure();
        }

        return f.Generate();
    }

    private static void AddArmor(Dictionary<string, Func<byte[]>> v)
    {
        v["armor"] = () => Armored(Armor, fail: false);
        v["armor_crlf"] = () => Armored((f, file) =>
        {
            Armor(f, file);
            byte[] armored = f.TakeBytes();
            f.Buf.Write(Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(armored).Replace("\n", "\r\n", StringComparison.Ordinal)));
        }, fail: false);
        v["armor_whitespace_outside"] = () => Armored((f, file) =>
        {
            f.Raw("\n\r   \t\n");
            Armor(f, file);
            f.Raw("\n\r   \t\n");
        }, fail: false);
        v["armor_no_eol"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.Body(file);
            f.Base64Padding();
            f.Raw("-----END AGE ENCRYPTED FILE-----");
        }, fail: false);
        v["armor_full_last_line"] = () => Armored((f, file) =>
        {
            Assert.Equal(0, file.Length % 48);
            f.BeginArmor();
            f.Body(file);
            f.UnreadLine();
            f.EndArmor();
        }, fail: false, payload: "age age age age age age age age age age ");
        v["armor_empty_last_line"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.Body(file);
            f.EndArmor();
        }, payload: "age age age age age age age age age age ");
        v["armor_no_match"] = () =>
        {
            KitFileBuilder f = new();
            f.VersionLine("v1");
            f.X25519RecordIdentity(f.Rand(32));
            f.X25519NoRecordIdentity(_id);
            f.Hmac();
            f.Payload("age");
            Armor(f, f.TakeBytes());
            f.ExpectNoMatch();
            return f.Generate();
        };
        v["armor_empty"] = () =>
        {
            KitFileBuilder f = new();
            f.BeginArmor();
            f.EndArmor();
            f.ExpectHeaderFailure();
            return f.Generate();
        };
        v["armor_garbage_leading"] = () => Armored((f, file) =>
        {
            f.TextLine("garbage");
            Armor(f, file);
        });
        v["armor_garbage_trailing"] = () => Armored((f, file) =>
        {
            Armor(f, file);
            f.TextLine("garbage");
        });
        v["armor_long_line"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.TextLine(Convert.ToBase64String(file));
            f.EndArmor();
        });
        v["armor_short_line"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            string b64 = Convert.ToBase64String(file);
            f.TextLine(b64[..60]);
            for (int i = 60; i < b64.Length; i += 64)
            {
                f.TextLine(b64[i..Math.Min(i + 64, b64.Length)]);
            }

            f.EndArmor();
        });
        v["armor_no_padding"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.Body(file);
            f.EndArmor();
        });
        v["armor_not_canonical"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.Body(file);
            f.TextLine(KitFileBuilder.NotCanonicalBase64(f.UnreadLine()));
            f.Base64Padding();
            f.EndArmor();
        });
        v["armor_lowercase"] = () => Armored((f, file) =>
        {
            f.BeginArmor("age encrypted file");
            f.Body(file);
            f.Base64Padding();
            f.EndArmor("age encrypted file");
        });
        v["armor_wrong_type"] = () => Armored((f, file) =>
        {
            f.BeginArmor("AGE ENCRYPTED DATA");
            f.Body(file);
            f.Base64Padding();
            f.EndArmor("AGE ENCRYPTED DATA");
        });
        v["armor_headers"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.TextLine("Version: 1");
            f.TextLine(string.Empty);
            f.Body(file);
            f.Base64Padding();
            f.EndArmor();
        });
        v["armor_invalid_character_payload"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.Body(file);
            f.Base64Padding();
            string last = f.UnreadLine();
            f.TextLine("*" + last[1..]);
            f.EndArmor();
        });
        v["armor_whitespace_begin"] = () => Armored((f, file) =>
        {
            f.TextLine("----- BEGIN AGE ENCRYPTED FILE -----");
            f.Body(file);
            f.Base64Padding();
            f.EndArmor();
        });
        v["armor_whitespace_line_start"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.Body(file);
            f.Base64Padding();
            f.TextLine(" " + f.UnreadLine());
            f.EndArmor();
        });
        v["armor_whitespace_eol"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.Body(file);
            f.Base64Padding();
            string last = f.UnreadLine();
            string[] lines = Encoding.ASCII.GetString(f.TakeBytes()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            f.TextLine(lines[0]);
            f.TextLine(lines[1] + " ");
            foreach (string line in lines[2..])
            {
                f.TextLine(line);
            }

            f.TextLine(last);
            f.EndArmor();
        });
        v["armor_whitespace_last_line"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.Body(file);
            f.Base64Padding();
            f.TextLine(f.UnreadLine() + " ");
            f.EndArmor();
        });
        v["armor_empty_line_begin"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.TextLine(string.Empty);
            f.Body(file);
            f.Base64Padding();
            f.EndArmor();
        });
        v["armor_empty_line_end"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.Body(file);
            f.Base64Padding();
            f.TextLine(string.Empty);
            f.EndArmor();
        });
        v["armor_eol_between_padding"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.Body(file);
            f.Base64Padding();
            string last = f.UnreadLine();
            Assert.Contains("==", last, StringComparison.Ordinal);
            f.TextLine(last.Replace("==", "=\n=", StringComparison.Ordinal));
            f.EndArmor();
        }, payload: "age12");
        v["armor_no_end_line"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.Body(file);
            f.Base64Padding();
        });
        v["armor_pgp_checksum"] = () => Armored((f, file) =>
        {
            f.BeginArmor();
            f.Body(file);
            f.Base64Padding();
            f.TextLine("=AAAA");
            f.EndArmor();
        });
        v["armor_too_much_leading_whitespace"] = () => Armored((f, file) =>
        {
            f.Raw(new string(' ', 2000) + "\n");
            Armor(f, file);
        });
    }
}
