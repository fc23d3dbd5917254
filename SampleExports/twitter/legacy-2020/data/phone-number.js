window.YTD.phone_number.part0 = [ {
  "device" : {
    "phoneNumber" : "+1 (555) 010-4477"
  }
} ]