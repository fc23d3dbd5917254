window.YTD.tweets.part0 = [ {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1637116699605674834"
        ],
        "editableUntil" : "2023-03-18T15:40:12.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
    "entities" : {
      "hashtags" : [ ],
      "symbols" : [ ],
      "user_mentions" : [
        {
          "name" : "Dario Voss",
          "screen_name" : "dario_voss",
          "indices" : [
            "0",
            "11"
          ],
          "id_str" : "1380000000000000004",
          "id" : "1380000000000000004"
        }
      ],
      "urls" : [
        {
          "url" : "https://t.co/Xy12Zz34Qq",
          "expanded_url" : "https://docs.example.com/d/slides-outline",
          "display_url" : "docs.example.com/d/slides-",
          "indices" : [
            "29",
            "52"
          ]
        }
      ]
    },
    "display_text_range" : [
      "0",
      "52"
    ],
    "favorite_count" : "1",
    "in_reply_to_status_id_str" : "1637111616107689537",
    "id_str" : "1637116699605674834",
    "in_reply_to_user_id" : "1380000000000000004",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1637116699605674834",
    "in_reply_to_status_id" : "1637111616107689537",
    "created_at" : "Sat Mar 18 15:40:12 +0000 2023",
    "favorited" : false,
    "full_text" : "@dario_voss here is the doc: https://t.co/Xy12Zz34Qq",
    "lang" : "en",
    "in_reply_to_screen_name" : "dario_voss",
    "in_reply_to_user_id_str" : "1380000000000000004"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1612574941901998199"
        ],
        "editableUntil" : "2023-01-09T22:20:01.000Z",
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
      "34"
    ],
    "favorite_count" : "0",
    "in_reply_to_status_id_str" : "1612573658447037531",
    "id_str" : "1612574941901998199",
    "in_reply_to_user_id" : "1400000000000000001",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1612574941901998199",
    "in_reply_to_status_id" : "1612573658447037531",
    "created_at" : "Mon Jan 09 22:20:01 +0000 2023",
    "favorited" : false,
    "full_text" : "Actually, reading and a long walk.",
    "lang" : "en",
    "in_reply_to_screen_name" : "ada_kestrel",
    "in_reply_to_user_id_str" : "1400000000000000001"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1612573658447037531"
        ],
        "editableUntil" : "2023-01-09T22:14:55.000Z",
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
      "19"
    ],
    "favorite_count" : "0",
    "id_str" : "1612573658447037531",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1612573658447037531",
    "created_at" : "Mon Jan 09 22:14:55 +0000 2023",
    "favorited" : false,
    "full_text" : "Quiet day. Reading.",
    "lang" : "en"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1598240484357426749"
        ],
        "editableUntil" : "2022-12-01T09:00:00.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
    "entities" : {
      "hashtags" : [
        {
          "text" : "TBT",
          "indices" : [
            "0",
            "4"
          ]
        },
        {
          "text" : "swiftlang",
          "indices" : [
            "25",
            "35"
          ]
        }
      ],
      "symbols" : [ ],
      "user_mentions" : [ ],
      "urls" : [ ]
    },
    "display_text_range" : [
      "0",
      "35"
    ],
    "favorite_count" : "3",
    "id_str" : "1598240484357426749",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1598240484357426749",
    "created_at" : "Thu Dec 01 09:00:00 +0000 2022",
    "favorited" : false,
    "full_text" : "#TBT to the first meetup #swiftlang",
    "lang" : "en"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1579820472727463685"
        ],
        "editableUntil" : "2022-10-11T13:05:27.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
    "entities" : {
      "hashtags" : [ ],
      "symbols" : [ ],
      "user_mentions" : [
        {
          "name" : "Cleo Marsh",
          "screen_name" : "cleo_marsh",
          "indices" : [
            "7",
            "18"
          ],
          "id_str" : "1350000000000000003",
          "id" : "1350000000000000003"
        },
        {
          "name" : "Dario Voss",
          "screen_name" : "dario_voss",
          "indices" : [
            "23",
            "34"
          ],
          "id_str" : "1380000000000000004",
          "id" : "1380000000000000004"
        }
      ],
      "urls" : [ ]
    },
    "display_text_range" : [
      "0",
      "64"
    ],
    "favorite_count" : "5",
    "id_str" : "1579820472727463685",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1579820472727463685",
    "created_at" : "Tue Oct 11 13:05:27 +0000 2022",
    "favorited" : false,
    "full_text" : "Thanks @cleo_marsh and @dario_voss for the help with the slides!",
    "lang" : "en"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1565945887062672213"
        ],
        "editableUntil" : "2022-09-03T06:12:48.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
    "entities" : {
      "hashtags" : [ ],
      "symbols" : [ ],
      "user_mentions" : [ ],
      "urls" : [ ],
      "media" : [
        {
          "expanded_url" : "https://twitter.com/ada_kestrel/status/1565945887062672213/photo/1",
          "indices" : [
            "22",
            "45"
          ],
          "url" : "https://t.co/Ph0t0Link1",
          "media_url" : "http://pbs.twimg.com/media/FXa1b2c3d4e5f6g.jpg",
          "id_str" : "1565945887061211266",
          "id" : "1565945887061211266",
          "media_url_https" : "https://pbs.twimg.com/media/FXa1b2c3d4e5f6g.jpg",
          "sizes" : {
            "thumb" : {
              "w" : "150",
              "h" : "150",
              "resize" : "crop"
            },
            "large" : {
              "w" : "1200",
              "h" : "900",
              "resize" : "fit"
            }
          },
          "type" : "photo",
          "display_url" : "pic.twitter.com/Ph0t0Link1"
        }
      ]
    },
    "display_text_range" : [
      "0",
      "45"
    ],
    "favorite_count" : "9",
    "id_str" : "1565945887062672213",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1565945887062672213",
    "extended_entities" : {
      "media" : [
        {
          "expanded_url" : "https://twitter.com/ada_kestrel/status/1565945887062672213/photo/1",
          "indices" : [
            "22",
            "45"
          ],
          "url" : "https://t.co/Ph0t0Link1",
          "media_url" : "http://pbs.twimg.com/media/FXa1b2c3d4e5f6g.jpg",
          "id_str" : "1565945887061211266",
          "id" : "1565945887061211266",
          "media_url_https" : "https://pbs.twimg.com/media/FXa1b2c3d4e5f6g.jpg",
          "sizes" : {
            "thumb" : {
              "w" : "150",
              "h" : "150",
              "resize" : "crop"
            },
            "large" : {
              "w" : "1200",
              "h" : "900",
              "resize" : "fit"
            }
          },
          "type" : "photo",
          "display_url" : "pic.twitter.com/Ph0t0Link1",
          "media_key" : "3_1565945887061211266"
        }
      ]
    },
    "possibly_sensitive" : false,
    "created_at" : "Sat Sep 03 06:12:48 +0000 2022",
    "favorited" : false,
    "full_text" : "Station clock at dawn https://t.co/Ph0t0Link1",
    "lang" : "en"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1548411787934417113"
        ],
        "editableUntil" : "2022-07-16T20:58:33.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
    "entities" : {
      "hashtags" : [ ],
      "symbols" : [ ],
      "user_mentions" : [ ],
      "urls" : [ ]
    },
    "display_text_range" : [
      "0",
      "26"
    ],
    "favorite_count" : "12",
    "id_str" : "1548411787934417113",
    "truncated" : false,
    "retweet_count" : "1",
    "id" : "1548411787934417113",
    "created_at" : "Sat Jul 16 20:58:33 +0000 2022",
    "favorited" : false,
    "full_text" : "Sunset over the harbour 🌅🚲",
    "lang" : "en"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1533354182047006760"
        ],
        "editableUntil" : "2022-06-05T07:45:00.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
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
    "favorite_count" : "4",
    "id_str" : "1533354182047006760",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1533354182047006760",
    "created_at" : "Sun Jun 05 07:45:00 +0000 2022",
    "favorited" : false,
    "full_text" : "Bread &amp; butter &lt;3 and nothing else this morning",
    "lang" : "en"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1528095804093523540"
        ],
        "editableUntil" : "2022-05-21T19:30:05.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
    "entities" : {
      "hashtags" : [
        {
          "text" : "swiftlang",
          "indices" : [
            "54",
            "64"
          ]
        }
      ],
      "symbols" : [ ],
      "user_mentions" : [ ],
      "urls" : [
        {
          "url" : "https://t.co/AbCdEf1234",
          "expanded_url" : "https://blog.example.org/2022/meetup-notes",
          "display_url" : "blog.example.org/2022/meet",
          "indices" : [
            "30",
            "53"
          ]
        }
      ]
    },
    "display_text_range" : [
      "0",
      "64"
    ],
    "favorite_count" : "7",
    "id_str" : "1528095804093523540",
    "truncated" : false,
    "retweet_count" : "3",
    "id" : "1528095804093523540",
    "created_at" : "Sat May 21 19:30:05 +0000 2022",
    "favorited" : false,
    "full_text" : "Notes from the meetup are up: https://t.co/AbCdEf1234 #swiftlang",
    "lang" : "en"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1510214374651706781"
        ],
        "editableUntil" : "2022-04-02T11:15:40.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
    "entities" : {
      "hashtags" : [
        {
          "text" : "hiking",
          "indices" : [
            "62",
            "69"
          ]
        }
      ],
      "symbols" : [ ],
      "user_mentions" : [
        {
          "name" : "Cleo Marsh",
          "screen_name" : "cleo_marsh",
          "indices" : [
            "3",
            "14"
          ],
          "id_str" : "1350000000000000003",
          "id" : "1350000000000000003"
        }
      ],
      "urls" : [ ]
    },
    "display_text_range" : [
      "0",
      "69"
    ],
    "favorite_count" : "0",
    "id_str" : "1510214374651706781",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1510214374651706781",
    "created_at" : "Sat Apr 02 11:15:40 +0000 2022",
    "favorited" : false,
    "full_text" : "RT @cleo_marsh: The new trail map is out &amp; it looks great #hiking",
    "lang" : "en"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1503280313531398611"
        ],
        "editableUntil" : "2022-03-14T08:02:11.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
    "entities" : {
      "hashtags" : [ ],
      "symbols" : [ ],
      "user_mentions" : [ ],
      "urls" : [ ]
    },
    "display_text_range" : [
      "0",
      "67"
    ],
    "favorite_count" : "2",
    "id_str" : "1503280313531398611",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1503280313531398611",
    "created_at" : "Mon Mar 14 08:02:11 +0000 2022",
    "favorited" : false,
    "full_text" : "Har tænkt over det hele weekenden: the plan is finally written down",
    "lang" : "da"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1232737169441437847"
        ],
        "editableUntil" : "2020-02-26T18:40:19.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : false
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
    "entities" : {
      "hashtags" : [ ],
      "symbols" : [ ],
      "user_mentions" : [
        {
          "name" : "Bram Okafor",
          "screen_name" : "bram_okafor",
          "indices" : [
            "0",
            "12"
          ],
          "id_str" : "900000000000000002",
          "id" : "900000000000000002"
        }
      ],
      "urls" : [ ]
    },
    "display_text_range" : [
      "0",
      "67"
    ],
    "favorite_count" : "1",
    "in_reply_to_status_id_str" : "1232729967817856799",
    "id_str" : "1232737169441437847",
    "in_reply_to_user_id" : "900000000000000002",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1232737169441437847",
    "in_reply_to_status_id" : "1232729967817856799",
    "created_at" : "Wed Feb 26 18:40:19 +0000 2020",
    "favorited" : false,
    "full_text" : "@bram_okafor yes, let's meet at the station. I'll bring the thermos",
    "lang" : "en",
    "in_reply_to_screen_name" : "bram_okafor",
    "in_reply_to_user_id_str" : "900000000000000002"
  }
} ]