Grailbird.data.tweets_2015_03 = 
[ {
  "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
  "entities" : {
    "user_mentions" : [ ],
    "media" : [ ],
    "hashtags" : [ ],
    "urls" : [
      {
        "indices" : [
          34,
          56
        ],
        "url" : "http://t.co/Gr41lB1rd1",
        "expanded_url" : "http://photos.example.net/ferry",
        "display_url" : "photos.example.net/ferry"
      }
    ]
  },
  "geo" : { },
  "id_str" : "577032478451048448",
  "text" : "Morning ferry, glassy water &amp; http://t.co/Gr41lB1rd1",
  "id" : 577032478451048448,
  "created_at" : "2015-03-15 08:41:06 +0000",
  "user" : {
    "name" : "Ines Halvorsen",
    "screen_name" : "ines_halvorsen",
    "protected" : false,
    "id_str" : "123456001",
    "profile_image_url_https" : "https:\/\/pbs.twimg.com\/profile_images\/500000001\/ines_normal.jpeg",
    "id" : 123456001,
    "verified" : false
  }
}, {
  "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
  "entities" : {
    "user_mentions" : [
      {
        "name" : "Tomas Vik",
        "screen_name" : "tomas_vik",
        "indices" : [
          0,
          10
        ],
        "id_str" : "2200000011",
        "id" : 2200000011
      }
    ],
    "media" : [ ],
    "hashtags" : [ ],
    "urls" : [ ]
  },
  "in_reply_to_status_id_str" : "576811113208262656",
  "geo" : { },
  "id_str" : "576840297009729537",
  "in_reply_to_user_id" : 2200000011,
  "text" : "@tomas_vik see you at the station then",
  "id" : 576840297009729537,
  "in_reply_to_status_id" : 576811113208262656,
  "created_at" : "2015-03-14 19:57:27 +0000",
  "in_reply_to_screen_name" : "tomas_vik",
  "in_reply_to_user_id_str" : "2200000011",
  "user" : {
    "name" : "Ines Halvorsen",
    "screen_name" : "ines_halvorsen",
    "protected" : false,
    "id_str" : "123456001",
    "profile_image_url_https" : "https:\/\/pbs.twimg.com\/profile_images\/500000001\/ines_normal.jpeg",
    "id" : 123456001,
    "verified" : false
  }
}, {
  "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
  "entities" : {
    "user_mentions" : [ ],
    "media" : [ ],
    "hashtags" : [
      {
        "indices" : [
          25,
          32
        ],
        "text" : "spring"
      }
    ],
    "urls" : [ ]
  },
  "geo" : { },
  "id_str" : "572100394520043520",
  "text" : "Crocuses out in the park #spring",
  "id" : 572100394520043520,
  "created_at" : "2015-03-01 18:02:15 +0000",
  "user" : {
    "name" : "Ines Halvorsen",
    "screen_name" : "ines_halvorsen",
    "protected" : false,
    "id_str" : "123456001",
    "profile_image_url_https" : "https:\/\/pbs.twimg.com\/profile_images\/500000001\/ines_normal.jpeg",
    "id" : 123456001,
    "verified" : false
  }
}, ]