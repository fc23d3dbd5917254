window.YTD.tweet.part0 = [ {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1234162771424486091"
        ],
        "editableUntil" : "2020-03-01T17:05:09.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
    "entities" : {
      "hashtags" : [ ],
      "symbols" : [ ],
      "user_mentions" : [ ],
      "urls" : [ ]
    },
    "display_text_range" : [
      "0",
      "29"
    ],
    "favorite_count" : "0",
    "id_str" : "1234162771424486091",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1234162771424486091",
    "created_at" : "Sun Mar 01 17:05:09 +0000 2020",
    "favorited" : false,
    "full_text" : "Great day out. Legs are done.",
    "lang" : "en"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1232729967817856799"
        ],
        "editableUntil" : "2020-02-26T18:11:42.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
    "entities" : {
      "hashtags" : [ ],
      "symbols" : [ ],
      "user_mentions" : [
        {
          "name" : "Ada Kestrel",
          "screen_name" : "ada_kestrel",
          "indices" : [
            "53",
            "65"
          ],
          "id_str" : "1400000000000000001",
          "id" : "1400000000000000001"
        }
      ],
      "urls" : [ ]
    },
    "display_text_range" : [
      "0",
      "73"
    ],
    "favorite_count" : "0",
    "id_str" : "1232729967817856799",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1232729967817856799",
    "created_at" : "Wed Feb 26 18:11:42 +0000 2020",
    "favorited" : false,
    "full_text" : "Hike on Saturday? We could meet at the station, 9am. @ada_kestrel you in?",
    "lang" : "en"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1226845770350176489"
        ],
        "editableUntil" : "2020-02-10T12:30:00.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
    "entities" : {
      "hashtags" : [ ],
      "symbols" : [ ],
      "user_mentions" : [ ],
      "urls" : [
        {
          "url" : "https://t.co/Bk9LsT0r3a",
          "expanded_url" : "https://books.example.org/lists/winter",
          "display_url" : "books.example.org/lists/wi",
          "indices" : [
            "30",
            "53"
          ]
        }
      ]
    },
    "display_text_range" : [
      "0",
      "53"
    ],
    "favorite_count" : "0",
    "id_str" : "1226845770350176489",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1226845770350176489",
    "created_at" : "Mon Feb 10 12:30:00 +0000 2020",
    "favorited" : false,
    "full_text" : "Reading list for the weekend: https://t.co/Bk9LsT0r3a",
    "lang" : "en"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1215000791611950281"
        ],
        "editableUntil" : "2020-01-08T20:02:17.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
    "entities" : {
      "hashtags" : [ ],
      "symbols" : [ ],
      "user_mentions" : [
        {
          "name" : "Cleo Marsh",
          "screen_name" : "cleo_marsh",
          "indices" : [
            "0",
            "11"
          ],
          "id_str" : "1350000000000000003",
          "id" : "1350000000000000003"
        }
      ],
      "urls" : [ ]
    },
    "display_text_range" : [
      "0",
      "53"
    ],
    "favorite_count" : "0",
    "in_reply_to_status_id_str" : "1214819023059204525",
    "id_str" : "1215000791611950281",
    "in_reply_to_user_id" : "1350000000000000003",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1215000791611950281",
    "in_reply_to_status_id" : "1214819023059204525",
    "created_at" : "Wed Jan 08 20:02:17 +0000 2020",
    "favorited" : false,
    "full_text" : "@cleo_marsh the new trail map is brilliant, thank you",
    "lang" : "en",
    "in_reply_to_screen_name" : "cleo_marsh",
    "in_reply_to_user_id_str" : "1350000000000000003"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1207597819885102979"
        ],
        "editableUntil" : "2019-12-19T09:45:31.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
    "entities" : {
      "hashtags" : [
        {
          "text" : "hiking",
          "indices" : [
            "47",
            "54"
          ]
        }
      ],
      "symbols" : [ ],
      "user_mentions" : [ ],
      "urls" : [ ]
    },
    "display_text_range" : [
      "0",
      "54"
    ],
    "favorite_count" : "0",
    "id_str" : "1207597819885102979",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1207597819885102979",
    "created_at" : "Thu Dec 19 09:45:31 +0000 2019",
    "favorited" : false,
    "full_text" : "Year-end list: 41 hikes, 3 blisters, 0 regrets #hiking",
    "lang" : "en"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1190664886158141907"
        ],
        "editableUntil" : "2019-11-02T16:20:05.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
    "entities" : {
      "hashtags" : [ ],
      "symbols" : [ ],
      "user_mentions" : [ ],
      "urls" : [ ]
    },
    "display_text_range" : [
      "0",
      "54"
    ],
    "favorite_count" : "0",
    "id_str" : "1190664886158141907",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1190664886158141907",
    "created_at" : "Sat Nov 02 16:20:05 +0000 2019",
    "favorited" : false,
    "full_text" : "First snow on the ridge this morning. Worth the climb.",
    "lang" : "en"
  }
} ]