window.YTD.ad_impressions.part0 = [ {
  "ad" : {
    "adsUserData" : {
      "adImpressions" : {
        "impressions" : [
          {
            "deviceInfo" : {
              "osType" : "Ios"
            },
            "displayLocation" : "TimelineHome",
            "promotedTweetInfo" : {
              "tweetId" : "1609851995551573556",
              "tweetText" : "Try Example Boots",
              "urls" : [ ],
              "mediaUrls" : [ ]
            },
            "advertiserInfo" : {
              "advertiserName" : "Example Boots",
              "screenName" : "@exampleboots"
            },
            "impressionTime" : "2023-01-02 10:05:00"
          }
        ]
      }
    }
  }
} ]