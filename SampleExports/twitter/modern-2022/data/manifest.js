window.__THAR_CONFIG = {
  "userInfo" : {
    "accountId" : "1400000000000000001",
    "userName" : "ada_kestrel",
    "displayName" : "Ada Kestrel"
  },
  "archiveInfo" : {
    "sizeBytes" : "48213",
    "generationDate" : "2023-05-03T09:12:44.000Z",
    "isPartialArchive" : false,
    "maxPartSizeBytes" : "53687091200"
  },
  "readmeInfo" : {
    "fileName" : "data/README.txt",
    "directory" : "data/",
    "name" : "README.txt"
  },
  "dataTypes" : {
    "account" : {
      "files" : [
        {
          "fileName" : "data/account.js",
          "globalName" : "YTD.account.part0",
          "count" : "1"
        }
      ]
    },
    "accountCreationIp" : {
      "files" : [
        {
          "fileName" : "data/account-creation-ip.js",
          "globalName" : "YTD.account_creation_ip.part0",
          "count" : "1"
        }
      ]
    },
    "adImpressions" : {
      "files" : [
        {
          "fileName" : "data/ad-impressions.js",
          "globalName" : "YTD.ad_impressions.part0",
          "count" : "1"
        }
      ]
    },
    "block" : {
      "files" : [
        {
          "fileName" : "data/block.js",
          "globalName" : "YTD.block.part0",
          "count" : "1"
        }
      ]
    },
    "connectedApplication" : {
      "files" : [
        {
          "fileName" : "data/connected-application.js",
          "globalName" : "YTD.connected_application.part0",
          "count" : "1"
        }
      ]
    },
    "deletedTweets" : {
      "files" : [
        {
          "fileName" : "data/deleted-tweets.js",
          "globalName" : "YTD.deleted_tweets.part0",
          "count" : "1"
        }
      ]
    },
    "deviceToken" : {
      "files" : [
        {
          "fileName" : "data/device-token.js",
          "globalName" : "YTD.device_token.part0",
          "count" : "2"
        }
      ]
    },
    "directMessageHeaders" : {
      "files" : [
        {
          "fileName" : "data/direct-message-headers.js",
          "globalName" : "YTD.direct_message_headers.part0",
          "count" : "2"
        }
      ]
    },
    "directMessages" : {
      "files" : [
        {
          "fileName" : "data/direct-messages.js",
          "globalName" : "YTD.direct_messages.part0",
          "count" : "2"
        }
      ]
    },
    "directMessagesGroup" : {
      "files" : [
        {
          "fileName" : "data/direct-messages-group.js",
          "globalName" : "YTD.direct_messages_group.part0",
          "count" : "1"
        }
      ]
    },
    "emailAddressChange" : {
      "files" : [
        {
          "fileName" : "data/email-address-change.js",
          "globalName" : "YTD.email_address_change.part0",
          "count" : "1"
        }
      ]
    },
    "follower" : {
      "files" : [
        {
          "fileName" : "data/follower.js",
          "globalName" : "YTD.follower.part0",
          "count" : "3"
        }
      ]
    },
    "following" : {
      "files" : [
        {
          "fileName" : "data/following.js",
          "globalName" : "YTD.following.part0",
          "count" : "4"
        }
      ]
    },
    "ipAudit" : {
      "files" : [
        {
          "fileName" : "data/ip-audit.js",
          "globalName" : "YTD.ip_audit.part0",
          "count" : "4"
        }
      ]
    },
    "like" : {
      "files" : [
        {
          "fileName" : "data/like.js",
          "globalName" : "YTD.like.part0",
          "count" : "3"
        }
      ]
    },
    "mute" : {
      "files" : [
        {
          "fileName" : "data/mute.js",
          "globalName" : "YTD.mute.part0",
          "count" : "1"
        }
      ]
    },
    "niDevices" : {
      "files" : [
        {
          "fileName" : "data/ni-devices.js",
          "globalName" : "YTD.ni_devices.part0",
          "count" : "0"
        }
      ]
    },
    "noteTweet" : {
      "files" : [
        {
          "fileName" : "data/note-tweet.js",
          "globalName" : "YTD.note_tweet.part0",
          "count" : "1"
        }
      ]
    },
    "personalization" : {
      "files" : [
        {
          "fileName" : "data/personalization.js",
          "globalName" : "YTD.personalization.part0",
          "count" : "1"
        }
      ]
    },
    "phoneNumber" : {
      "files" : [
        {
          "fileName" : "data/phone-number.js",
          "globalName" : "YTD.phone_number.part0",
          "count" : "1"
        }
      ]
    },
    "profile" : {
      "files" : [
        {
          "fileName" : "data/profile.js",
          "globalName" : "YTD.profile.part0",
          "count" : "1"
        }
      ]
    },
    "profileMedia" : {
      "mediaDirectory" : "data/profile_media"
    },
    "screenNameChange" : {
      "files" : [
        {
          "fileName" : "data/screen-name-change.js",
          "globalName" : "YTD.screen_name_change.part0",
          "count" : "1"
        }
      ]
    },
    "tweets" : {
      "files" : [
        {
          "fileName" : "data/tweets.js",
          "globalName" : "YTD.tweets.part0",
          "count" : "12"
        }
      ]
    },
    "tweetsMedia" : {
      "mediaDirectory" : "data/tweets_media"
    }
  }
}