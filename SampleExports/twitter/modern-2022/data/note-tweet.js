window.YTD.note_tweet.part0 = [ {
  "noteTweet" : {
    "noteTweetId" : "1642466903458114341",
    "updatedAt" : "2023-04-02T10:00:00.000Z",
    "lifecycle" : {
      "value" : "1",
      "name" : "Active",
      "originalName" : "Active",
      "annotations" : { }
    },
    "createdAt" : "2023-04-02T10:00:00.000Z",
    "core" : {
      "styletags" : [ ],
      "urls" : [ ],
      "text" : "A longer note about the spring meetup: we will meet at the station at ten, walk to the venue together, and keep the talks short. Bring questions!",
      "mentions" : [ ],
      "cashtags" : [ ],
      "hashtags" : [ ]
    }
  }
} ]