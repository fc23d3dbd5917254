var payload_details =  {
  "tweets" : 3,
  "created_at" : "2015-04-02 12:00:05 +0000",
  "lang" : "en"
}