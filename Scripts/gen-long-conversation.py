#!/usr/bin/env python3
"""Writes a Twitter archive zip whose direct-messages.js holds one very long conversation.

Goal 2 of the performance issue asks for bounded memory at any archive size; a heavy account's
archive can hold a single DM conversation of hundreds of megabytes (one array element). This makes
one of about --megabytes MB (unpacked), one-to-one by default or a group with --group, written as
Twitter writes it (`"conversationId"` before `"messages"`, newest message first), streamed into the
zip so the generator itself stays small. Synthetic people and text; deterministic for a given seed.

    Scripts/gen-long-conversation.py --megabytes 700 --out bench-data/conversation-700.zip
"""
import argparse
import json
import random
import time
import zipfile

OWNER = "1000000001"
PARTNER = "1000000002"
GROUP = ["1000000002", "1000000003", "1000000004", "1000000005"]
WORDS = ("harbour lantern quiet meeting parcel tomorrow station river orchard ledger signal copper "
         "window morning evening bridge market garden winter summer yellow ticket letter corner").split()


def message(r, index, count, group):
    ms = 1_600_000_000_000 + (count - index) * 61_000
    sender = OWNER if r.random() < 0.5 else (r.choice(GROUP) if group else PARTNER)
    body = {"id": str(1_400_000_000_000_000_000 + count - index), "senderId": sender}
    if not group:
        body["recipientId"] = PARTNER if sender == OWNER else OWNER
    body["text"] = " ".join(r.choice(WORDS) for _ in range(r.randint(8, 60)))
    body["urls"] = []
    body["mediaUrls"] = []
    seconds, millis = divmod(ms, 1000)

    body["createdAt"] = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + ".%03dZ" % millis
    return {"messageCreate": body}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--megabytes", type=int, default=700)
    ap.add_argument("--group", action="store_true")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    r = random.Random(args.seed)
    target = args.megabytes * 1_000_000
    # About 470 bytes a message; the count is fixed first so that times and ids run newest first.
    count = max(1, target // 470)
    conversation_id = "1500000000000000777" if args.group else "%s-%s" % (OWNER, PARTNER)
    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as zf:
        account = zipfile.ZipInfo("data/account.js", date_time=(2024, 1, 1, 0, 0, 0))
        account.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(account, 'window.YTD.account.part0 = [ { "account" : { "email" : "sam.example@example.org", '
                    '"username" : "sam_example", "accountId" : "%s", "createdAt" : "2012-01-01T00:00:00.000Z", '
                    '"accountDisplayName" : "Sam Example" } } ]' % OWNER)
        info = zipfile.ZipInfo("data/direct-messages.js", date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as out:
            out.write(('window.YTD.direct_messages.part0 = [ {\n  "dmConversation" : {\n    "conversationId" : "%s",\n'
                       '    "messages" : [ ' % conversation_id).encode())
            buffer = []
            for index in range(count):
                text = json.dumps(message(r, index, count, args.group), indent=2, ensure_ascii=False)
                buffer.append(("" if index == 0 else ", ") + text)
                if len(buffer) == 4096:
                    out.write("".join(buffer).encode())
                    buffer = []
            out.write("".join(buffer).encode())
            out.write(b" ]\n  }\n} ]")
    print("%s: one %s conversation of %d messages" % (args.out, "group" if args.group else "one-to-one", count))


if __name__ == "__main__":
    main()
