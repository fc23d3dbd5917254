window.YTD.deleted_tweets.part0 = [ {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1652057598983417956"
        ],
        "editableUntil" : "2023-04-28T21:10:00.000Z",
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
      "27"
    ],
    "favorite_count" : "0",
    "id_str" : "1652057598983417956",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1652057598983417956",
    "created_at" : "Fri Apr 28 21:10:00 +0000 2023",
    "favorited" : false,
    "full_text" : "Wrong link, ignore this one",
    "lang" : "en",
    "deleted_at" : "Fri Apr 28 21:12:30 +0000 2023"
  }
} ]